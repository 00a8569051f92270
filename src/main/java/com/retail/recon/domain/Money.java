package com.retail.recon.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of one currency, carrying exactly that currency's minor-unit digits ({@code 140.39} USD,
 * {@code 1200} JPY). Immutable; every operation returns a new value.
 *
 * <p>Made by {@link Currencies#money(String, BigDecimal)}, not here: the digits are configuration
 * ({@code recon.currencies}), and only {@link Currencies} knows them, so no caller can pass the wrong ones.
 * Creation scales the amount to the digits and refuses one that has more (it is never rounded: an amount with
 * more digits than its currency is a bug upstream). From then on the digits travel as the amount's scale, and
 * every operation keeps it (sums and differences of one currency, multiples, a percentage rounded to the
 * minor unit), so a Money never needs the configuration again.
 *
 * <p>Adding, subtracting or comparing an amount of another currency is an error (as in JSR 354), never a
 * conversion. Imports nothing from any framework.
 */
public final class Money implements Comparable<Money> {

    private final BigDecimal amount;
    private final String currency;

    private Money(BigDecimal amount, String currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /** The amount at {@code digits} decimals; refuses one with more non-zero decimals than that. */
    static Money of(BigDecimal amount, String currency, int digits) {
        Objects.requireNonNull(amount, "An amount is required.");
        Objects.requireNonNull(currency, "A currency is required.");
        if (amount.scale() == digits) {
            return new Money(amount, currency);
        }
        try {
            return new Money(amount.setScale(digits, RoundingMode.UNNECESSARY), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    amount.toPlainString() + " has more than " + digits + " decimals for " + currency);
        }
    }

    public BigDecimal amount() {
        return amount;
    }

    /** The ISO 4217 code, as configured ({@code USD}). */
    public String currency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other, "add", "to");
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other, "subtract", "from");
        return new Money(amount.subtract(other.amount), currency);
    }

    /** This amount {@code times} times (a unit price × quantity). */
    public Money times(int times) {
        return new Money(amount.multiply(BigDecimal.valueOf(times)), currency);
    }

    /** {@code percent} % of this amount, rounded half-up to the minor unit (the spec's fee rounding). */
    public Money percentRoundedHalfUp(BigDecimal percent) {
        return new Money(amount.multiply(percent).movePointLeft(2).setScale(amount.scale(), RoundingMode.HALF_UP),
                currency);
    }

    public Money abs() {
        return amount.signum() < 0 ? new Money(amount.negate(), currency) : this;
    }

    /** -1, 0 or 1 as the amount is negative, zero or positive. */
    public int signum() {
        return amount.signum();
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Compares two amounts of the same currency; another currency is an error. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare", "with");
        return amount.compareTo(other.amount);
    }

    /** The amount with its currency's digits and no exponent, as the ledgers show it: {@code 140.39}, {@code 1200}. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && currency.equals(other.currency) && amount.equals(other.amount);
    }

    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + amount.hashCode();
    }

    /** {@code 140.39 USD}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    /** {@code Cannot add 1.00 EUR to 2.00 USD: another currency}. */
    private void requireSameCurrency(Money other, String operation, String preposition) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot " + operation + " " + other + " " + preposition + " " + this
                    + ": another currency");
        }
    }
}
