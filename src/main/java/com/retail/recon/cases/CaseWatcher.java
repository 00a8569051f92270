package com.retail.recon.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Told what the data did to the cases, inside the night's cases step (its transaction): notify.CaseNotices
 * records the notifications there, so that they commit with the cases or not at all.
 */
public interface CaseWatcher {

    /** A date opened a case (rule 1) or opened it again (rules 2–4); {@code after} is the case after that date. */
    void opened(LocalDate date, Case after, boolean reopened, Instant at);

    /** Every date was folded; {@code latestCompleted} is the cases' latest completed date. */
    void applied(LocalDate latestCompleted, Instant at);
}
