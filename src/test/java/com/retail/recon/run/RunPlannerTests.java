package com.retail.recon.run;

import com.retail.recon.batch.BusinessDays.Day;
import com.retail.recon.batch.NightlyRun;
import com.retail.recon.run.RunPlanner.Attempt;
import com.retail.recon.run.RunPlanner.Attempt.State;
import com.retail.recon.run.RunPlanner.Refuse;
import com.retail.recon.run.RunPlanner.Restart;
import com.retail.recon.run.RunPlanner.Start;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What run, rerun and restart decide from the store's history, without a store or a job: the planner alone. */
class RunPlannerTests {

    private static final Path INBOX = Path.of("inbox");
    private static final Path ARCHIVE = Path.of("archive");
    private static final LocalDate D1 = LocalDate.of(2026, 11, 20);
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);

    /** A store and an inbox described by hand. */
    private static final class Facts implements RunPlanner.Facts {
        final Map<LocalDate, Day> days = new HashMap<>();
        final List<LocalDate> inboxDates = new ArrayList<>(List.of(D1, D2, D3));
        final Map<String, Attempt> attempts = new HashMap<>();
        String inputProblem;
        String notRegular;
        String foreign;
        boolean sameInputs = true;

        Facts day(LocalDate date, boolean completed, Integer lastAttempt) {
            days.put(date, new Day(date, completed, lastAttempt, completed ? "archive/" + date : null));
            return this;
        }

        Facts attempt(LocalDate date, long attempt, State state) {
            attempts.put(date + "#" + attempt, new Attempt(100 + attempt, state,
                    new NightlyRun(date, attempt, Path.of("inbox-of-the-attempt"), ARCHIVE, false)));
            return this;
        }

        @Override
        public Optional<Day> day(LocalDate date) {
            return Optional.ofNullable(days.get(date));
        }

        @Override
        public Optional<LocalDate> firstDate() {
            return days.keySet().stream().min(LocalDate::compareTo);
        }

        @Override
        public boolean inboxExists(Path inbox) {
            return true;
        }

        @Override
        public List<LocalDate> inboxDates(Path inbox) {
            return inboxDates;
        }

        @Override
        public Optional<String> inputProblem(LocalDate date, Path inbox, boolean allowMissing) {
            return Optional.ofNullable(inputProblem);
        }

        @Override
        public Optional<String> notRegularFile(LocalDate date, Path inbox) {
            return Optional.ofNullable(notRegular);
        }

        @Override
        public Optional<String> foreignBundle(NightlyRun run) {
            return Optional.ofNullable(foreign);
        }

        @Override
        public Optional<Attempt> attempt(LocalDate date, long attempt) {
            return Optional.ofNullable(attempts.get(date + "#" + attempt));
        }

        @Override
        public boolean sameInputs(Attempt attempt, NightlyRun run) {
            return sameInputs;
        }
    }

    private final Facts facts = new Facts();
    private final RunPlanner planner = new RunPlanner(facts);

    @Test
    void theFirstRunOfANewStore_startsAttemptOne() {
        RunPlanner.Plan plan = planner.run(D2, INBOX, ARCHIVE, false);

        assertThat(plan).isEqualTo(new Start(new NightlyRun(D2, 1, INBOX, ARCHIVE, false), Optional.empty(), false));
    }

    @Test
    void aCompletedDate_doesNothing_exit0() {
        facts.day(D1, true, 1);

        assertThat(planner.run(D1, INBOX, ARCHIVE, false))
                .isEqualTo(new Refuse(0, "2026-11-20 already completed; bundle: archive/2026-11-20"));
    }

    @Test
    void anEarlierInboxDateNotCompleted_isNamed_exit2() {
        facts.day(D1, true, 1).day(D2, false, 1);

        assertThat(planner.run(D3, INBOX, ARCHIVE, false)).isEqualTo(new Refuse(2, "cannot run 2026-11-22: the "
                + "earlier business date 2026-11-21 has not completed; run it first (recon run --date 2026-11-21)"));
    }

    @Test
    void aDateBeforeTheStoresFirstDate_isRefused_exit2() {
        facts.day(D2, true, 1);

        assertThat(planner.run(D1, INBOX, ARCHIVE, false)).isEqualTo(new Refuse(2,
                "2026-11-20 is before this store's first business date 2026-11-21; its history starts there"));
    }

    @Test
    void anInputProblem_isExit3() {
        facts.inputProblem = "2026-11-20/orders.csv line 1: the header has no column amount";

        assertThat(planner.run(D1, INBOX, ARCHIVE, false)).isEqualTo(new Refuse(3, facts.inputProblem));
    }

    @Test
    void aFailedAttemptWithTheSameInputs_isRestarted() {
        facts.day(D1, false, 2).attempt(D1, 2, State.UNFINISHED);

        assertThat(planner.run(D1, INBOX, ARCHIVE, false)).isEqualTo(new Restart(facts.attempts.get(D1 + "#2")));
    }

    @Test
    void aFailedAttemptWhoseInputsChanged_isAbandoned_andTheNextAttemptStarts() {
        facts.day(D1, false, 2).attempt(D1, 2, State.UNFINISHED).sameInputs = false;

        assertThat(planner.run(D1, INBOX, ARCHIVE, false)).isEqualTo(new Start(
                new NightlyRun(D1, 3, INBOX, ARCHIVE, false), Optional.of(facts.attempts.get(D1 + "#2")), false));
    }

    @Test
    void somethingForeignAtABundlePath_refusesBeforeAFailedAttemptIsAbandoned() {
        facts.day(D1, false, 1).attempt(D1, 1, State.UNFINISHED).sameInputs = false;
        facts.foreign = "archive/2026-11-20 was not written by this store";

        assertThat(planner.run(D1, INBOX, ARCHIVE, false)).isEqualTo(new Refuse(2, facts.foreign));
    }

    @Test
    void rerun_ofADateThatNeverRan_isRefused() {
        assertThat(planner.rerun(D1, INBOX, ARCHIVE, false))
                .isEqualTo(new Refuse(2, "2026-11-20 has never run; use: recon run --date 2026-11-20"));
    }

    @Test
    void rerun_reopensTheDate_andStartsTheNextAttempt() {
        facts.day(D1, true, 1).attempt(D1, 1, State.COMPLETED);

        assertThat(planner.rerun(D1, INBOX, ARCHIVE, false))
                .isEqualTo(new Start(new NightlyRun(D1, 2, INBOX, ARCHIVE, false), Optional.empty(), true));
    }

    @Test
    void rerun_abandonsAnUnfinishedAttempt_butNotAnAbandonedOne() {
        facts.day(D1, false, 2).attempt(D1, 2, State.UNFINISHED);
        assertThat(((Start) planner.rerun(D1, INBOX, ARCHIVE, false)).abandon())
                .contains(facts.attempts.get(D1 + "#2"));

        facts.attempt(D1, 2, State.ABANDONED);
        assertThat(((Start) planner.rerun(D1, INBOX, ARCHIVE, false)).abandon()).isEmpty();
    }

    @Test
    void restart_ofACompletedDate_doesNothing_exit0() {
        facts.day(D1, true, 1);

        assertThat(planner.restart(D1)).isEqualTo(new Refuse(0,
                "2026-11-20 already completed; nothing to restart. Bundle: archive/2026-11-20"));
    }

    @Test
    void restart_withoutAFailedRun_isRefused() {
        facts.day(D1, false, 1).attempt(D1, 1, State.ABANDONED);

        assertThat(planner.restart(D1)).isEqualTo(new Refuse(2,
                "no failed run of 2026-11-20 to restart; use: recon run --date 2026-11-20"));
    }

    @Test
    void restart_continuesTheFailedAttempt_withTheInputsItStartedWith() {
        facts.day(D1, false, 1).attempt(D1, 1, State.UNFINISHED);

        assertThat(planner.restart(D1)).isEqualTo(new Restart(facts.attempts.get(D1 + "#1")));
    }

    @Test
    void restart_withSomethingForeignAtABundlePath_isRefused() {
        facts.day(D1, false, 1).attempt(D1, 1, State.UNFINISHED).foreign = "archive/2026-11-20 was not written by this store";

        assertThat(planner.restart(D1)).isEqualTo(new Refuse(2, facts.foreign));
    }

    @Test
    void restart_afterTheInputsChanged_isRefused_withTheWayForward() {
        facts.day(D1, false, 1).attempt(D1, 1, State.UNFINISHED).sameInputs = false;

        assertThat(planner.restart(D1)).isEqualTo(new Refuse(2, "the input files of 2026-11-20 changed since the "
                + "failed run started; start it afresh with: recon run --date 2026-11-20"));
    }

    @Test
    void restart_ofAnInputThatIsNoLongerARegularFile_isExit3_beforeItIsHashed() {
        facts.day(D1, false, 1).attempt(D1, 1, State.UNFINISHED).notRegular = "2026-11-20/refunds.csv: not a regular file";
        facts.sameInputs = false; // would be asked only after the check

        assertThat(planner.restart(D1)).isEqualTo(new Refuse(3, facts.notRegular));
    }

    @Test
    void catchUp_runsEveryInboxDateNotCompleted_fromTheStoresFirstDate() {
        facts.inboxDates.add(0, D1.minusDays(1));
        facts.day(D1, true, 1);

        assertThat(planner.catchUpDates(D3, INBOX)).containsExactly(D2, D3);
        assertThat(planner.catchUpDates(D2, INBOX)).containsExactly(D2);
    }
}
