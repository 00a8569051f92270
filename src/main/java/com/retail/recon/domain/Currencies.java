package com.retail.recon.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The configured currencies and their minor-unit digits (USD 2, JPY 0, ...).
 * The rules, ledgers and documents work with {@link Money} made by {@link #money(String, BigDecimal)}, so that
 * every amount they compute, store or print carries exactly the currency's digits. (Ingest only checks the
 * digits of each amount it reads: its rows keep the parsed {@code BigDecimal}, see {@link OrderLine}.)
 */
public final class Currencies {

    private final Map<String, Integer> digitsByCode;

    public Currencies(Map<String, Integer> digitsByCode) {
        if (digitsByCode == null || digitsByCode.isEmpty()) {
            throw new IllegalArgumentException("At least one currency must be configured.");
        }
        digitsByCode.forEach((code, digits) -> {
            if (code == null || !code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("Currency code must be three upper-case letters: " + code);
            }
            if (digits == null || digits < 0 || digits > 4) {
                throw new IllegalArgumentException("Minor-unit digits of " + code + " must be 0 to 4: " + digits);
            }
        });
        this.digitsByCode = Map.copyOf(digitsByCode);
    }

    /** USD, EUR, GBP, CAD with 2 digits and JPY with 0: the spec's list. */
    public static Currencies defaults() {
        return new Currencies(Map.of("USD", 2, "EUR", 2, "GBP", 2, "CAD", 2, "JPY", 0));
    }

    public boolean isKnown(String code) {
        return digitsByCode.containsKey(code);
    }

    public int digits(String code) {
        Integer digits = digitsByCode.get(code);
        if (digits == null) {
            throw new IllegalArgumentException("Unknown currency: " + code);
        }
        return digits;
    }

    /**
     * The amount as a {@link Money} of this currency, at its digits ({@code money("USD", 1.5)} is 1.50 USD).
     * Never rounds: an amount with more decimals than the currency has is refused (a bug upstream: ingest
     * rejects such rows).
     */
    public Money money(String code, BigDecimal amount) {
        return Money.of(amount, code, digits(code));
    }

    /** Nothing of this currency: 0.00 USD, 0 JPY. */
    public Money zero(String code) {
        return Money.of(BigDecimal.ZERO, code, digits(code));
    }
}
