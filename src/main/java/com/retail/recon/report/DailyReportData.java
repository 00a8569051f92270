package com.retail.recon.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What the daily report shows.
 *
 * @param runIdentity free text naming the run (e.g. business date, run id, product version)
 * @param inputs one per input file
 * @param totals the rows of summary.csv after business_date (amounts already formatted; empty for
 *        ORDER_NOT_FOUND)
 * @param exceptions the rows of exceptions.csv after business_date: exception_type, request_id, order_id,
 *        txn_id, amount, currency, detail
 * @param escalations the rows of escalations.csv after business_date: request_id, order_id, customer_id,
 *        outcome, policy_check, priority, age_hours, new, suggested_action
 */
public record DailyReportData(LocalDate businessDate, String runIdentity, List<InputCount> inputs,
        List<Total> totals, List<List<String>> exceptions, List<List<String>> escalations) {

    public DailyReportData {
        inputs = inputs == null ? List.of() : inputs;
        totals = totals == null ? List.of() : totals;
        exceptions = exceptions == null ? List.of() : exceptions;
        escalations = escalations == null ? List.of() : escalations;
    }

    /** Rows of one input file: read = accepted + rejected. */
    public record InputCount(String file, long read, long accepted, long rejected) {
    }

    /** One (outcome, currency) row of summary.csv. */
    public record Total(String outcome, String currency, long requests, String expectedRefund,
            String settledAmount) {
    }
}
