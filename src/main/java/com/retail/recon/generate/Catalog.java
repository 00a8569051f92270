package com.retail.recon.generate;

import com.retail.recon.domain.Channel;
import com.retail.recon.domain.PaymentMethod;

import java.util.SplittableRandom;

/**
 * What generated rows are made of: categories with price ranges, currencies with tax rates, payment
 * methods, channels and customers' reasons, each with a share. Arrays, not maps: picking walks them in a
 * fixed order, so the output depends on the seed alone.
 */
final class Catalog {

    static final String[] CATEGORIES = {"ELECTRONICS", "HOME", "APPAREL", "BOOKS", "TOYS", "BEAUTY", "KITCHEN",
            "SPORTS", "PETS", "GARDEN", "DIGITAL", "GROCERY", "FURNITURE"};
    static final String[] SKU_PREFIXES = {"ELEC", "HOME", "APP", "BOOK", "TOY", "BEAU", "KIT", "SPRT", "PET",
            "GRDN", "DIG", "GROC", "FURN"};
    static final int DIGITAL = 10;
    static final int GROCERY = 11;
    static final int FURNITURE = 12;
    private static final int[] CATEGORY_SHARES = {14, 14, 16, 8, 7, 8, 7, 6, 5, 4, 5, 4, 3};
    /** Unit prices in cents (USD, EUR, GBP, CAD); JPY prices are derived from them. */
    private static final long[] PRICE_MIN = {999, 499, 799, 399, 499, 299, 499, 999, 299, 599, 99, 99, 4999};
    private static final long[] PRICE_MAX = {129_999, 19_999, 14_999, 4999, 9999, 8999, 24_999, 29_999, 9999,
            19_999, 6999, 4999, 149_999};

    static final String[] CURRENCIES = {"USD", "EUR", "GBP", "CAD", "JPY"};
    static final int JPY = 4;
    static final int[] CURRENCY_DIGITS = {2, 2, 2, 2, 0};
    private static final int[] CURRENCY_SHARES = {58, 16, 12, 11, 3};
    static final int[] TAX_PERCENT = {8, 19, 20, 13, 10};

    static final PaymentMethod[] PAYMENT_METHODS = PaymentMethod.values();
    private static final int[] PAYMENT_SHARES = {82, 11, 7};

    static final Channel[] CHANNELS = Channel.values();
    static final int CUSTOMER_SERVICE = Channel.CUSTOMER_SERVICE.ordinal();
    private static final int[] CHANNEL_SHARES = {55, 35, 10};

    /** Offsets (minutes) some exports write their instants with, instead of Z. */
    static final int[] OFFSETS = {60, -300, 540, -480, 330, 120};

    /** Customers' reasons, already quoted for CSV: commas, quotes, line breaks and non-Latin text occur. */
    static final String[] REASONS = quotedAll(
            "Ordered by mistake",
            "Found it cheaper elsewhere, sorry",
            "Delivery date is too late",
            "Ordered the wrong size (\"XL\" instead of \"L\")",
            "Changed my mind.\nPlease cancel before it ships.",
            "Doppelt bestellt – bitte stornieren",
            "注文を間違えました",
            "Commande passée en double, merci d'annuler",
            "Gift no longer needed",
            "Duplicate order",
            "Customer called: placed the order twice",
            "Wrong colour, size or model",
            "Bought the wrong edition",
            "Wanted to use a different payment method",
            "Shipping cost too high",
            "Item not needed anymore");
    private static final int EMPTY_REASON_PERCENT = 15;

    private static final int[] CATEGORY_CUMULATIVE = cumulative(CATEGORY_SHARES);
    private static final int[] CURRENCY_CUMULATIVE = cumulative(CURRENCY_SHARES);
    private static final int[] PAYMENT_CUMULATIVE = cumulative(PAYMENT_SHARES);
    private static final int[] CHANNEL_CUMULATIVE = cumulative(CHANNEL_SHARES);

    private Catalog() {
    }

    static int category(SplittableRandom rnd) {
        return pick(CATEGORY_CUMULATIVE, rnd);
    }

    static int currency(SplittableRandom rnd) {
        return pick(CURRENCY_CUMULATIVE, rnd);
    }

    static int paymentMethod(SplittableRandom rnd) {
        return pick(PAYMENT_CUMULATIVE, rnd);
    }

    static int channel(SplittableRandom rnd) {
        return pick(CHANNEL_CUMULATIVE, rnd);
    }

    static String reason(SplittableRandom rnd) {
        return rnd.nextInt(100) < EMPTY_REASON_PERCENT ? "" : REASONS[rnd.nextInt(REASONS.length)];
    }

    /** A unit price in the currency's minor units: often ending in .99; JPY rounded to 10 yen. */
    static long unitPrice(int category, int currency, SplittableRandom rnd) {
        long cents = PRICE_MIN[category] + rnd.nextLong(PRICE_MAX[category] - PRICE_MIN[category] + 1);
        if (rnd.nextBoolean()) {
            cents = cents / 100 * 100 + 99;
        }
        if (currency == JPY) {
            return Math.max(100, (cents * 3 / 2 + 5) / 10 * 10);
        }
        return cents;
    }

    static int quantity(int category, SplittableRandom rnd) {
        if (category == GROCERY) {
            return 1 + rnd.nextInt(6);
        }
        int u = rnd.nextInt(100);
        return u < 70 ? 1 : u < 88 ? 2 : u < 95 ? 3 : 4 + rnd.nextInt(3);
    }

    /** The tax of a line: the currency's rate on quantity × unit price, rounded half-up. */
    static long tax(long gross, int currency) {
        return (gross * TAX_PERCENT[currency] + 50) / 100;
    }

    private static int pick(int[] cumulative, SplittableRandom rnd) {
        int u = rnd.nextInt(cumulative[cumulative.length - 1]);
        for (int i = 0; ; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
    }

    static int[] cumulative(int[] shares) {
        int[] cumulative = new int[shares.length];
        int sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static String[] quotedAll(String... values) {
        String[] quoted = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            quoted[i] = CsvSink.quoted(values[i]);
        }
        return quoted;
    }
}
