package com.retail.recon.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Daily reports used by the tests and to look at. */
public final class ReportSamples {

    private static final String[] OUTCOMES = {"AWAITING_REFUND", "CURRENCY_MISMATCH", "ORDER_NOT_FOUND",
            "OVER_REFUNDED", "PENDING_DECISION", "REFUNDED", "REFUND_FAILED", "REFUND_PENDING", "REJECTED",
            "STUCK_AWAITING_DECISION", "STUCK_NO_REFUND", "STUCK_REFUND_PENDING", "UNDER_REFUNDED"};
    private static final String[] ACTIONS = {"Decide the request: no decision within the SLA",
            "Chase the pending refund with the payment provider", "Refund the shortfall of 5.00 USD",
            "Start the refund: confirmed with no refund activity; Stop the shipment or arrange a return: shipped "
                    + "after the cancellation was confirmed",
            "Find the order: the customer was told it is cancelled but no order line matches"};
    private static final String[] TYPES = {"AMBIGUOUS_REFUND", "CONFIRMED_AGAINST_POLICY", "CURRENCY_MISMATCH",
            "ORDER_NOT_FOUND", "ORPHAN_REFUND", "OVER_REFUNDED", "REFUND_NOT_CONFIRMED", "UNDER_REFUNDED"};

    private ReportSamples() {
    }

    public static DailyReportData empty() {
        return new DailyReportData(LocalDate.of(2026, 11, 25), "business date 2026-11-25, run 1, recon 0.1.0",
                List.of(), List.of(), List.of(), List.of());
    }

    /** A day with every outcome, {@code exceptions} exceptions and {@code escalations} escalations. */
    public static DailyReportData day(int exceptions, int escalations) {
        List<DailyReportData.Total> totals = new ArrayList<>();
        for (int i = 0; i < OUTCOMES.length; i++) {
            String outcome = OUTCOMES[i];
            if (outcome.equals("ORDER_NOT_FOUND")) {
                totals.add(new DailyReportData.Total(outcome, "", 3, "", ""));
                continue;
            }
            totals.add(new DailyReportData.Total(outcome, "EUR", 5L + i * 7L, (100 + i) + ".50", (90 + i) + ".25"));
            totals.add(new DailyReportData.Total(outcome, "JPY", 1L + i, Integer.toString(12000 + i), "0"));
            if (outcome.equals("REFUNDED")) {
                totals.add(new DailyReportData.Total(outcome, "USD", 812, "81234.56", "81234.56"));
            }
        }
        List<List<String>> exceptionRows = new ArrayList<>();
        for (int i = 0; i < exceptions; i++) {
            String type = TYPES[i % TYPES.length];
            String order = String.format("112-%07d-%07d", i % 9_999_999, (i * 7919L) % 9_999_999);
            exceptionRows.add(List.of(type, "CR-20261125-" + String.format("%07d", i), order,
                    i % 2 == 0 ? "" : "TX-20261125-" + String.format("%07d", i), i % 3 == 0 ? "" : "12.50", "USD",
                    "order " + order + " has 2 cancellation requests"));
        }
        List<List<String>> escalationRows = new ArrayList<>();
        for (int i = 0; i < escalations; i++) {
            escalationRows.add(List.of("CR-20261125-" + String.format("%07d", i),
                    String.format("112-%07d-%07d", i % 9_999_999, (i * 104729L) % 9_999_999),
                    "C-" + String.format("%06d", i % 1_000_000), OUTCOMES[i % OUTCOMES.length],
                    i % 5 == 0 ? "SHIPPED_AFTER_CONFIRMATION" : "OK", i % 3 == 0 ? "HIGH" : "NORMAL",
                    Integer.toString(24 + i % 200), i % 4 == 0 ? "Y" : "N", ACTIONS[i % ACTIONS.length]));
        }
        return new DailyReportData(LocalDate.of(2026, 11, 25),
                "business date 2026-11-25 \u00b7 run 20261126-020000-7 \u00b7 recon 0.1.0",
                List.of(new DailyReportData.InputCount("orders.csv", 25_112, 25_108, 4),
                        new DailyReportData.InputCount("cancellations.csv", 2_531, 2_529, 2),
                        new DailyReportData.InputCount("refunds.csv", 2_790, 2_790, 0)),
                totals, exceptionRows, escalationRows);
    }
}
