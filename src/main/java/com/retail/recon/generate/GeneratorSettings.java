package com.retail.recon.generate;

import java.time.LocalDate;

/**
 * What to generate: {@code days} business dates from {@code from}, each with {@code orderLines} rows in
 * orders.csv, made invalid at {@code rejectPercent} percent of each file's rows, with a cancellation request on
 * {@code requestPercent} percent of the orders, all drawn from {@code seed}.
 */
public record GeneratorSettings(LocalDate from, int days, long orderLines, long seed, double rejectPercent,
                                int requestPercent) {

    public static final LocalDate DEFAULT_FROM = LocalDate.of(2026, 11, 1);
    public static final int DEFAULT_DAYS = 1;
    public static final long DEFAULT_ORDER_LINES = 10_000;
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_REJECT_PERCENT = 0.5;
    /** 10% of orders get a request: about 40,000 requests per 1,000,000 order lines (2.53 lines per order). */
    public static final int DEFAULT_REQUEST_PERCENT = 10;
    /** Leaves room for the orphan refunds and the orders without a request that some outcomes need. */
    public static final int MAX_REQUEST_PERCENT = 90;

    /** Rejected rows stay below recon's default 5% threshold per file, so generated days always run. */
    public static final double MAX_REJECT_PERCENT = 4.0;
    public static final int MAX_DAYS = 3660;
    public static final long MAX_ORDER_LINES = 500_000_000L;
    /** Identifiers combine the day and a sequence number; these bounds keep them unique. */
    public static final LocalDate MIN_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);

    public GeneratorSettings {
        if (from == null || from.isBefore(MIN_DATE) || from.plusDays(Math.max(days, 1) - 1L).isAfter(MAX_DATE)) {
            throw new IllegalArgumentException("dates must lie between " + MIN_DATE + " and " + MAX_DATE);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ": " + days);
        }
        if (orderLines < 1 || orderLines > MAX_ORDER_LINES) {
            throw new IllegalArgumentException("order lines per day must be between 1 and " + MAX_ORDER_LINES
                    + ": " + orderLines);
        }
        if (!(rejectPercent >= 0 && rejectPercent <= MAX_REJECT_PERCENT)) {
            throw new IllegalArgumentException("reject percent must be between 0 and " + MAX_REJECT_PERCENT
                    + " (recon fails a file over 5%): " + rejectPercent);
        }
        if (requestPercent < 1 || requestPercent > MAX_REQUEST_PERCENT) {
            throw new IllegalArgumentException("request percent must be between 1 and " + MAX_REQUEST_PERCENT + ": "
                    + requestPercent);
        }
    }

    public static GeneratorSettings defaults() {
        return new GeneratorSettings(DEFAULT_FROM, DEFAULT_DAYS, DEFAULT_ORDER_LINES, DEFAULT_SEED,
                DEFAULT_REJECT_PERCENT, DEFAULT_REQUEST_PERCENT);
    }
}
