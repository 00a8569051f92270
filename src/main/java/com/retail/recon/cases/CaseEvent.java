package com.retail.recon.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a case's history, never changed once written.
 *
 * @param businessDate the date whose data did it (the data's own events); null for a person's action
 * @param anchorDate   where the event sits among the dates: its business date, or for a person's action the
 *                     latest completed date when it was made (a replay applies it again after that date)
 * @param fromState    null when the event created the case
 */
public record CaseEvent(long caseId, int eventNo, Instant at, String actor, String action, LocalDate businessDate,
                        LocalDate anchorDate, boolean byPerson, CaseState fromState, CaseState toState,
                        String assignee, Disposition disposition, String note) {

    /** The actor of the data's own events. */
    public static final String DATA = "recon";
}
