package com.retail.recon.cases;

import com.retail.recon.batch.BusinessDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the data does to the cases when a date completes (SPEC "What the data does"), called by the night's
 * {@code cases} step inside its transaction: all of a date's cases and events commit together, or none.
 * <p>
 * A date after every date the cases have seen is folded on its own. A rerun of D, or a late date D, replays:
 * every case is put back as it stood before D, then D and each later completed date are folded again in order,
 * each followed by the people's actions made while it was the latest date (an action the replayed state no
 * longer allows is skipped). A replay writes no event for the cases that existed before it, except one per case
 * whose state comes out other than its history says (the events are never rewritten). Either way the outcome
 * depends only on the ledgers and the people's actions, so doing it twice (a restart) changes nothing.
 */
@Component
public class CaseNight {

    private static final Logger log = LoggerFactory.getLogger(CaseNight.class);

    /** Writes go to the store in batches of this many cases. */
    private static final int BATCH = 5_000;

    private final CaseStore store;
    private final BusinessDays days;
    private final CaseRules rules;
    private final List<CaseWatcher> watchers;

    public CaseNight(CaseStore store, BusinessDays days, CaseRules rules, List<CaseWatcher> watchers) {
        this.store = store;
        this.days = days;
        this.rules = rules;
        this.watchers = List.copyOf(watchers);
    }

    /** What one application did, for the summary. */
    public record Applied(LocalDate date, boolean replayed, int datesFolded, long opened, long reopened, long closed,
                          long standing) {
    }

    public Applied apply(LocalDate d) {
        Instant at = Instant.now();
        store.indexLookupsOnly();
        CaseStore.Clock clock = store.lockClock();
        LocalDate latest = clock.latestCompleted();
        boolean replay = latest != null && !d.isAfter(latest);
        List<LocalDate> dates = new ArrayList<>(List.of(d));
        Counts counts = new Counts();
        long nextId = clock.nextCaseId();
        if (replay) {
            days.completedAfter(d).stream().filter(date -> !date.isAfter(latest)).forEach(dates::add);
            store.restoreBefore(d);
        }
        // cases with ids below this existed before: a replay records only where their state comes out otherwise
        long firstNewId = replay ? nextId : Long.MIN_VALUE;
        // the date folded before each one: what stood after it was flagged on it
        LocalDate previous = replay ? days.latestCompletedBefore(d) : latest;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            nextId = fold(date, previous, nextId, firstNewId, at, counts);
            previous = date;
            if (replay) {
                replayPersonActions(date, i + 1 < dates.size() ? dates.get(i + 1) : null);
            }
        }
        if (replay) {
            closeNeverFlaggedAgain(d, at);
            recordWhatTheReplayChanged(d, at);
        }
        store.setClock(new CaseStore.Clock(replay ? latest : d, nextId));
        for (CaseWatcher watcher : watchers) {
            watcher.applied(replay ? latest : d, at);
        }
        Applied applied = new Applied(d, replay, dates.size(), counts.opened, counts.reopened, counts.closed,
                counts.standing);
        log.debug("cases of {}: {}", d, applied);
        return applied;
    }

    private static final class Counts {
        long opened;
        long reopened;
        long closed;
        long standing;
    }

    /**
     * Rules 1–6 for every key that date flags, then rule 5 for every standing case it does not. Only the cases
     * that change are written (a row of the date, and recon_case). A standing case flagged again with the same
     * facts is not written at all: its last_flagged_on is the latest date, which the store gives every standing
     * case when it is read (CaseStore), since a case that stands after a date was flagged on it.
     *
     * @param previous the date folded before this one (null: none)
     */
    private long fold(LocalDate date, LocalDate previous, long firstId, long firstNewId, Instant at, Counts counts) {
        long[] nextId = {firstId};
        Batch batch = new Batch(date, firstNewId);
        Set<Long> flagged = new HashSet<>();
        store.flagsOf(date, (flag, existing) -> {
            Case before = existing == null || existing.state() == null ? null : existing;
            long id = existing != null ? existing.caseId() : nextId[0];
            CaseRules.Change change = rules.onDate(before, flag, date, id, at);
            if (existing == null) {
                nextId[0]++;
            } else {
                flagged.add(existing.caseId());
            }
            if (before == null) {
                counts.opened++;
            } else if (change.event() != null) {
                counts.reopened++;
            }
            counts.standing++;
            if (before != null && change.event() == null
                    && before.equals(withLastFlaggedOn(change.after(), before.lastFlaggedOn()))) {
                return;
            }
            batch.add(existing, change);
        });
        batch.flush();
        store.standing(standing -> {
            if (!flagged.contains(standing.caseId())) {
                counts.closed++;
                // it stood after the previous date, so it was last flagged on that date
                Case closing = withLastFlaggedOn(standing, previous);
                batch.add(closing, rules.onDate(closing, null, date, standing.caseId(), at));
            }
        });
        batch.flush();
        store.refreshFromDay(date);
        return nextId[0];
    }

    /** A replay applies the people's actions again, after the date that was the latest when they were made. */
    private void replayPersonActions(LocalDate date, LocalDate nextDate) {
        List<CaseEvent> actions = new ArrayList<>();
        store.personActionsAnchored(date, nextDate, actions::add);
        for (CaseEvent action : actions) {
            Case c = store.findAsStored(action.caseId()).orElse(null);
            if (c == null || c.state() == null) {
                continue;
            }
            CaseRules.Decision decision = rules.act(c, asAction(action, c), action.anchorDate(), action.at());
            if (decision instanceof CaseRules.Done done) {
                store.saveOne(date, withLastEventNo(done.change().after(), c.lastEventNo()));
            }
        }
    }

    /** Cases the replay never flagged: they close on the replayed date. */
    private void closeNeverFlaggedAgain(LocalDate d, Instant at) {
        List<Case> never = new ArrayList<>();
        store.notYetFlagged(never::add);
        for (Case c : never) {
            Case.Draft draft = c.draft();
            draft.state = CaseState.CLOSED;
            draft.closedOn = d;
            // as the data now stands it was never flagged (it keeps its id, opened_on and history)
            draft.lastFlaggedOn = null;
            store.saveOne(d, draft.build(rules.policy()));
        }
    }

    /** One event per case that existed before the replay and whose state came out other than recorded. */
    private void recordWhatTheReplayChanged(LocalDate d, Instant at) {
        List<Case> changed = new ArrayList<>();
        List<CaseEvent> events = new ArrayList<>();
        store.stateUnlikeItsLastEvent((c, recorded) -> {
            int eventNo = c.lastEventNo() + 1;
            changed.add(withLastEventNo(c, eventNo));
            events.add(new CaseEvent(c.caseId(), eventNo, at, CaseEvent.DATA, "replayed", d, d, false, recorded,
                    c.state(), null, null, "recomputed from " + d + " (a rerun or a late date): " + recorded
                    + " -> " + c.state()));
        });
        store.appendDataEvents(d, events);
        store.setLastEventNo(changed);
    }

    /** Cases and events of one date, written in batches. */
    private final class Batch {
        private final LocalDate date;
        private final long firstNewId;
        private final List<Case> cases = new ArrayList<>();
        private final List<CaseEvent> events = new ArrayList<>();

        Batch(LocalDate date, long firstNewId) {
            this.date = date;
            this.firstNewId = firstNewId;
        }

        /** @param existing the case before the change (null for a new one; its state null when NOT_YET) */
        void add(Case existing, CaseRules.Change change) {
            if (change == null) {
                return;
            }
            Case after = change.after();
            if (change.event() != null && !"closed".equals(change.event().action())) {
                // told also in a replay: the watcher knows what it was told before
                for (CaseWatcher watcher : watchers) {
                    watcher.opened(date, after, !"opened".equals(change.event().action()), change.event().at());
                }
            }
            if (change.event() != null) {
                if (after.caseId() < firstNewId) {
                    // replaying a case that existed before: its history already says what happened
                    after = withLastEventNo(after, existing.lastEventNo());
                } else {
                    events.add(change.event());
                }
            }
            cases.add(after);
            if (cases.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            store.saveDay(date, cases);
            store.appendDataEvents(date, events);
            cases.clear();
            events.clear();
        }
    }

    private static PersonAction asAction(CaseEvent event, Case c) {
        PersonAction.Verb verb = PersonAction.Verb.ofWord(event.action());
        return new PersonAction(verb, event.actor(), event.assignee(), event.disposition(), event.note());
    }

    private static Case withLastFlaggedOn(Case c, LocalDate lastFlaggedOn) {
        return new Case(c.caseId(), c.key(), c.type(), c.requestId(), c.orderId(), c.txnId(), c.priority(), c.amount(),
                c.currency(), c.detail(), c.state(), c.assignee(), c.openedOn(), lastFlaggedOn, c.closedOn(),
                c.reopenedOn(), c.reopenCount(), c.dueOn(), c.waitingSince(), c.acceptedType(), c.acceptedAmount(),
                c.lastEventNo());
    }

    private static Case withLastEventNo(Case c, int lastEventNo) {
        return new Case(c.caseId(), c.key(), c.type(), c.requestId(), c.orderId(), c.txnId(), c.priority(), c.amount(),
                c.currency(), c.detail(), c.state(), c.assignee(), c.openedOn(), c.lastFlaggedOn(), c.closedOn(),
                c.reopenedOn(), c.reopenCount(), c.dueOn(), c.waitingSince(), c.acceptedType(), c.acceptedAmount(),
                lastEventNo);
    }

}
