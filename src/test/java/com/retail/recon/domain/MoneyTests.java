package com.retail.recon.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Money: an amount at its currency's digits, which never mixes with another currency. */
class MoneyTests {

    private static final Currencies CURRENCIES = Currencies.defaults();

    private static Money money(String currency, String amount) {
        return CURRENCIES.money(currency, new BigDecimal(amount));
    }

    @Test
    void creationScalesToTheCurrencysDigits() {
        assertThat(money("USD", "1.5").amount()).isEqualTo(new BigDecimal("1.50"));
        assertThat(money("USD", "7").amount()).isEqualTo(new BigDecimal("7.00"));
        assertThat(money("USD", "140.3900").amount()).isEqualTo(new BigDecimal("140.39"));
        assertThat(money("USD", "1.5")).isEqualTo(money("USD", "1.50"));
    }

    @Test
    void creationRefusesMoreDigitsThanTheCurrencyHas_neverRounds() {
        assertThatThrownBy(() -> money("USD", "1.005"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1.005 has more than 2 decimals for USD");
        assertThatThrownBy(() -> money("JPY", "1200.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1200.5 has more than 0 decimals for JPY");
    }

    @Test
    void creationRefusesACurrencyThatIsNotConfigured() {
        assertThatThrownBy(() -> money("CHF", "1.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown currency: CHF");
    }

    @Test
    void jpyHasNoMinorUnit() {
        assertThat(money("JPY", "1200").toPlainString()).isEqualTo("1200");
        assertThat(money("JPY", "1200.000").toPlainString()).isEqualTo("1200");
        assertThat(CURRENCIES.zero("JPY").toPlainString()).isEqualTo("0");
        assertThat(money("JPY", "999").percentRoundedHalfUp(new BigDecimal("15")).toPlainString()).isEqualTo("150");
    }

    @Test
    void theDigitsAreConfiguration() {
        Currencies fourDigits = new Currencies(Map.of("USD", 4));
        assertThat(fourDigits.money("USD", new BigDecimal("1.5")).toPlainString()).isEqualTo("1.5000");
        assertThat(fourDigits.money("USD", new BigDecimal("1.5")))
                .isNotEqualTo(CURRENCIES.money("USD", new BigDecimal("1.5")));
    }

    @Test
    void toPlainString_showsTheCurrencysDigitsAndNoExponent() {
        assertThat(money("USD", "140.39").toPlainString()).isEqualTo("140.39");
        assertThat(money("USD", "1E+3").toPlainString()).isEqualTo("1000.00");
        assertThat(CURRENCIES.zero("USD").toPlainString()).isEqualTo("0.00");
        assertThat(money("EUR", "123456789012345678.99").toPlainString()).isEqualTo("123456789012345678.99");
        assertThat(money("USD", "5").toString()).isEqualTo("5.00 USD");
    }

    @Test
    void plusAndMinusKeepTheCurrencysDigits() {
        assertThat(money("USD", "10.10").plus(money("USD", "0.90")).toPlainString()).isEqualTo("11.00");
        assertThat(money("USD", "70.00").minus(money("USD", "100.00")).toPlainString()).isEqualTo("-30.00");
        assertThat(money("USD", "70.00").minus(money("USD", "100.00")).abs()).isEqualTo(money("USD", "30"));
    }

    @Test
    void addingAnotherCurrency_isAnError() {
        assertThatThrownBy(() -> money("USD", "2.00").plus(money("EUR", "1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot add 1.00 EUR to 2.00 USD: another currency");
        assertThatThrownBy(() -> money("USD", "2.00").minus(money("JPY", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot subtract 1 JPY from 2.00 USD: another currency");
    }

    @Test
    void comparingWithAnotherCurrency_isAnError() {
        assertThat(money("USD", "2.00").compareTo(money("USD", "10.00"))).isNegative();
        assertThat(money("USD", "2.00").compareTo(money("USD", "2"))).isZero();
        assertThatThrownBy(() -> money("USD", "2.00").compareTo(money("CAD", "2.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot compare 2.00 CAD with 2.00 USD: another currency");
    }

    @Test
    void sameAmountInAnotherCurrency_isNotEqual() {
        assertThat(money("USD", "2.00")).isNotEqualTo(money("CAD", "2.00"));
        assertThat(money("USD", "2.00")).hasSameHashCodeAs(money("USD", "2"));
    }

    @Test
    void signSaysZeroPositiveOrNegative() {
        assertThat(CURRENCIES.zero("GBP").isZero()).isTrue();
        assertThat(CURRENCIES.zero("GBP").isPositive()).isFalse();
        assertThat(money("GBP", "0.01").isPositive()).isTrue();
        assertThat(money("GBP", "0.01").minus(money("GBP", "0.02")).signum()).isEqualTo(-1);
    }

    @Test
    void timesAndPercentRoundHalfUpToTheMinorUnit() {
        Money price = money("USD", "33.33").times(3);
        assertThat(price.toPlainString()).isEqualTo("99.99");
        // 15% of 33.33 = 4.9995 -> 5.00; 15% of 10.01 = 1.5015 -> 1.50
        assertThat(money("USD", "33.33").percentRoundedHalfUp(new BigDecimal("15")).toPlainString()).isEqualTo("5.00");
        assertThat(money("USD", "10.01").percentRoundedHalfUp(new BigDecimal("15")).toPlainString()).isEqualTo("1.50");
        assertThat(money("USD", "10.01").percentRoundedHalfUp(BigDecimal.ZERO).toPlainString()).isEqualTo("0.00");
    }

    @Test
    void anAmountIsRequired() {
        assertThatThrownBy(() -> CURRENCIES.money("USD", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("An amount is required.");
    }
}
