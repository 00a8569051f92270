package com.retail.recon.cases;

import java.time.LocalDate;

/**
 * The case settings ({@code recon.cases.*}): how many dates after a fix the data is given to clear a case
 * before it opens again, and how many dates a case may stay open per priority before it is overdue.
 */
public record CasePolicy(int recheckDays, int dueDaysHigh, int dueDaysNormal) {

    public static final CasePolicy DEFAULTS = new CasePolicy(2, 1, 3);

    public LocalDate dueOn(LocalDate from, Priority priority) {
        return from.plusDays(priority == Priority.HIGH ? dueDaysHigh : dueDaysNormal);
    }
}
