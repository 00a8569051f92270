package com.retail.recon.run;

import com.retail.recon.batch.BusinessDays.Day;
import com.retail.recon.batch.NightlyRun;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What {@code run}, {@code rerun} and {@code restart} of a business date mean, given what the store and the
 * inbox say: a plan to start a new attempt (perhaps abandoning a failed one first), to restart a failed
 * attempt from its checkpoint, or a refusal with the spec's exit code. Decisions only: what it needs to know
 * comes through {@link Facts}, and {@link NightlyService} carries the plan out.
 */
final class RunPlanner {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int INPUT_REJECTED = 3;

    /** The last execution of one attempt of a date. */
    record Attempt(long executionId, State state, NightlyRun run) {
        enum State { COMPLETED, ABANDONED, UNFINISHED }
    }

    /** What the planner asks of the store, the job repository and the inbox. */
    interface Facts {
        Optional<Day> day(LocalDate date);

        Optional<LocalDate> firstDate();

        boolean inboxExists(Path inbox);

        /** The business dates of the inbox, in order. */
        List<LocalDate> inboxDates(Path inbox);

        /** Why the date's input files cannot be read (missing, not a regular file, a bad header), if so. */
        Optional<String> inputProblem(LocalDate date, Path inbox, boolean allowMissing);

        /** Why an input file of the date is not a regular file (hashing it would block), if so. */
        Optional<String> notRegularFile(LocalDate date, Path inbox);

        /**
         * Why the run cannot publish into its archive, if so: something at one of the date's bundle paths that
         * this store did not publish (an export, a copy, a folder made by hand) stops it before anything is
         * recorded, since publishing beside it would take a revision number on its word. (publish-bundle checks
         * again, for a folder put there while the job runs.)
         */
        Optional<String> foreignBundle(NightlyRun run);

        Optional<Attempt> attempt(LocalDate date, long attempt);

        /** Whether the input files are those the attempt started with (their SHA-256). */
        boolean sameInputs(Attempt attempt, NightlyRun run);
    }

    sealed interface Plan {
    }

    record Refuse(int exitCode, String message) implements Plan {
    }

    /** A new attempt; {@code abandon}: the failed attempt it replaces; {@code reopen}: a completed date rerun. */
    record Start(NightlyRun run, Optional<Attempt> abandon, boolean reopen) implements Plan {
    }

    record Restart(Attempt attempt) implements Plan {
    }

    private final Facts facts;

    RunPlanner(Facts facts) {
        this.facts = facts;
    }

    /**
     * A completed date does nothing; a failed or interrupted one is restarted, or started afresh if its input
     * files changed since (e.g. after fixing a rejected export).
     */
    Plan run(LocalDate date, Path inbox, Path archive, boolean allowMissing) {
        Optional<Day> day = facts.day(date);
        if (day.isPresent() && day.get().completed()) {
            return new Refuse(OK, date + " already completed; bundle: " + day.get().bundlePath());
        }
        Optional<Refuse> refusal = history(date, inbox).or(() -> inputs(date, inbox, allowMissing));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        NightlyRun fresh = new NightlyRun(date, 1, inbox, archive, allowMissing);
        Optional<Refuse> foreign = foreign(fresh); // before an earlier failed attempt is abandoned
        if (foreign.isPresent()) {
            return foreign.get();
        }
        Optional<Attempt> abandon = Optional.empty();
        if (day.isPresent() && day.get().lastAttempt() != null) {
            long lastAttempt = day.get().lastAttempt();
            NightlyRun previous = new NightlyRun(date, lastAttempt, inbox, archive, allowMissing);
            Optional<Attempt> last = facts.attempt(date, lastAttempt);
            if (last.isPresent() && last.get().state() != Attempt.State.COMPLETED) {
                if (facts.sameInputs(last.get(), previous)) {
                    return new Restart(last.get());
                }
                abandon = last;
            }
            fresh = new NightlyRun(date, lastAttempt + 1, inbox, archive, allowMissing);
        }
        return new Start(fresh, abandon, false);
    }

    /** Recomputes a date that ran before, from its inbox, into the next bundle revision. */
    Plan rerun(LocalDate date, Path inbox, Path archive, boolean allowMissing) {
        Optional<Day> day = facts.day(date);
        if (day.isEmpty() || day.get().lastAttempt() == null) {
            return new Refuse(USAGE, date + " has never run; use: recon run --date " + date);
        }
        Optional<Refuse> refusal = history(date, inbox).or(() -> inputs(date, inbox, allowMissing));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        long lastAttempt = day.get().lastAttempt();
        Optional<Refuse> foreign = foreign(new NightlyRun(date, lastAttempt, inbox, archive, allowMissing));
        if (foreign.isPresent()) {
            return foreign.get(); // before anything changes: the date stays completed
        }
        Optional<Attempt> unfinished = facts.attempt(date, lastAttempt)
                .filter(a -> a.state() == Attempt.State.UNFINISHED);
        return new Start(new NightlyRun(date, lastAttempt + 1, inbox, archive, allowMissing), unfinished, true);
    }

    /** Continues the failed or interrupted run of D from its last checkpoint, with the inputs it started with. */
    Plan restart(LocalDate date) {
        Optional<Day> day = facts.day(date);
        if (day.isEmpty() || day.get().lastAttempt() == null) {
            return new Refuse(USAGE, date + " has never run; use: recon run --date " + date);
        }
        if (day.get().completed()) {
            return new Refuse(OK, date + " already completed; nothing to restart. Bundle: " + day.get().bundlePath());
        }
        Optional<Attempt> last = facts.attempt(date, day.get().lastAttempt());
        if (last.isEmpty() || last.get().state() == Attempt.State.ABANDONED) {
            return new Refuse(USAGE, "no failed run of " + date + " to restart; use: recon run --date " + date);
        }
        NightlyRun run = last.get().run();
        Optional<Refuse> refusal = history(date, run.inbox())
                .or(() -> facts.notRegularFile(date, run.inbox()).map(problem -> new Refuse(INPUT_REJECTED, problem)));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!facts.sameInputs(last.get(), run)) {
            return new Refuse(USAGE, "the input files of " + date + " changed since the failed run started; "
                    + "start it afresh with: recon run --date " + date);
        }
        Optional<Refuse> foreign = foreign(run);
        if (foreign.isPresent()) {
            return foreign.get();
        }
        return new Restart(last.get());
    }

    /** Every date of the inbox from the store's first date (or the inbox's first, for a new store) up to D. */
    List<LocalDate> catchUpDates(LocalDate through, Path inbox) {
        LocalDate from = facts.firstDate().orElse(LocalDate.MIN);
        return facts.inboxDates(inbox).stream()
                .filter(d -> !d.isBefore(from) && !d.isAfter(through))
                .filter(d -> !completed(d))
                .toList();
    }

    /** The store's history starts at its first date; every inbox date since must complete in order. */
    private Optional<Refuse> history(LocalDate date, Path inbox) {
        if (!facts.inboxExists(inbox)) {
            return Optional.of(new Refuse(USAGE, "inbox folder " + inbox + " does not exist"));
        }
        Optional<LocalDate> first = facts.firstDate();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (date.isBefore(first.get())) {
            return Optional.of(new Refuse(USAGE, date + " is before this store's first business date "
                    + first.get() + "; its history starts there"));
        }
        return facts.inboxDates(inbox).stream()
                .filter(d -> !d.isBefore(first.get()) && d.isBefore(date))
                .filter(d -> !completed(d))
                .findFirst()
                .map(missing -> new Refuse(USAGE, "cannot run " + date + ": the earlier business date "
                        + missing + " has not completed; run it first (recon run --date " + missing + ")"));
    }

    private Optional<Refuse> inputs(LocalDate date, Path inbox, boolean allowMissing) {
        return facts.inputProblem(date, inbox, allowMissing).map(problem -> new Refuse(INPUT_REJECTED, problem));
    }

    private Optional<Refuse> foreign(NightlyRun run) {
        return facts.foreignBundle(run).map(problem -> new Refuse(USAGE, problem));
    }

    private boolean completed(LocalDate date) {
        return facts.day(date).map(Day::completed).orElse(false);
    }
}
