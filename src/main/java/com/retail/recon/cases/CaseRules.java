package com.retail.recon.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The case rules of the spec, as plain functions: what the data does to a case when a date completes
 * ({@link #onDate}), and what a person may do to it ({@link #act}). No store, no framework: the night, the
 * replay and the desk all call these.
 */
public final class CaseRules {

    private final CasePolicy policy;

    public CaseRules(CasePolicy policy) {
        this.policy = policy;
    }

    public CasePolicy policy() {
        return policy;
    }

    /** A case after a rule or an action, and the event that records it (null: nothing to record). */
    public record Change(Case after, CaseEvent event) {
    }

    /**
     * What the data of date {@code d} does to one case key (SPEC "What the data does", rules 1–6).
     *
     * @param before  the case, or null when the key has none yet
     * @param flag    the key's row on d, or null when d does not flag it
     * @param newId   the id a new case gets (used only when rule 1 applies)
     * @return null when nothing changes
     */
    public Change onDate(Case before, Flag flag, LocalDate d, long newId, Instant at) {
        if (before == null) {
            if (flag == null) {
                return null;
            }
            // 1. flagged and no case yet: a new case, OPEN, opened on d
            Case.Draft draft = new Case.Draft(newId, flag.key());
            draft.state = CaseState.OPEN;
            draft.openedOn = d;
            draft.facts(flag);
            draft.lastFlaggedOn = d;
            return recorded(draft, null, "opened", d, at, "flagged " + flag.type() + " (" + flag.priority() + ")");
        }
        Case.Draft draft = before.draft();
        if (flag == null) {
            if (before.state() == CaseState.CLOSED) {
                return null;
            }
            // 5. not flagged and not CLOSED: CLOSED, whatever its state was
            draft.state = CaseState.CLOSED;
            draft.closedOn = d;
            draft.waitingSince = null;
            draft.acceptedType = null;
            draft.acceptedAmount = null;
            return recorded(draft, before.state(), "closed", d, at, "no longer flagged");
        }
        String reopened = reopenReason(before, flag, d);
        if (reopened != null) {
            draft.reopen(d);
        }
        // 6. flagged: last flagged on d, and d's facts
        draft.facts(flag);
        draft.lastFlaggedOn = d;
        if (reopened == null) {
            return new Change(draft.build(policy), null);
        }
        return recorded(draft, before.state(), "reopened", d, at, reopened);
    }

    /** Rules 2–4: why a flagged case opens again, or null when it does not. */
    private String reopenReason(Case before, Flag flag, LocalDate d) {
        switch (before.state()) {
            case CLOSED:
                // 2. flagged again after the data had closed it
                return "flagged again (" + flag.type() + ") after it closed on " + before.closedOn();
            case WAITING:
                // 3. the fix did not work: still flagged recheck-days after it was reported
                long days = ChronoUnit.DAYS.between(before.waitingSince(), d);
                return days >= policy.recheckDays()
                        ? "still flagged " + days + " day(s) after the fix reported on " + before.waitingSince()
                        : null;
            case ACCEPTED:
                // 4. accepted as it was; what the data says now is something else
                if (!flag.type().equals(before.acceptedType())) {
                    return "type changed since it was accepted: " + before.acceptedType() + " -> " + flag.type();
                }
                if (!sameAmount(flag.amount(), before.acceptedAmount())) {
                    return "amount changed since it was accepted: " + plain(before.acceptedAmount()) + " -> "
                            + plain(flag.amount());
                }
                return null;
            default:
                return null;
        }
    }

    /** What a person's action does to a case, or why it is refused. */
    public sealed interface Decision permits Done, Refused {
    }

    public record Done(Change change) implements Decision {
    }

    /** One line naming the case, its state and what is allowed. */
    public record Refused(String reason) implements Decision {
    }

    /**
     * A person's action (SPEC "What people do").
     *
     * @param latestCompleted the latest completed date now: where the action sits among the dates
     */
    public Decision act(Case c, PersonAction action, LocalDate latestCompleted, Instant at) {
        if (action.verb().needsNote() && (action.note() == null || action.note().isBlank())) {
            return new Refused("case " + c.caseId() + ": " + action.spelled() + " needs a note");
        }
        if (!allowed(c.state(), action)) {
            return new Refused("case " + c.caseId() + " is " + c.state() + ": " + action.spelled()
                    + " is not allowed; allowed: " + String.join(", ", allowedIn(c.state())));
        }
        Case.Draft draft = c.draft();
        switch (action.verb()) {
            case ACK:
                draft.state = CaseState.IN_PROGRESS;
                if (draft.assignee == null) {
                    draft.assignee = action.actor();
                }
                break;
            case ASSIGN:
                draft.assignee = action.to();
                break;
            case COMMENT:
                break;
            case RESOLVE:
                if (action.disposition() == Disposition.FIXED) {
                    draft.state = CaseState.WAITING;
                    draft.waitingSince = latestCompleted;
                } else {
                    draft.state = CaseState.ACCEPTED;
                    draft.waitingSince = null;
                    draft.acceptedType = c.type();
                    draft.acceptedAmount = c.amount();
                }
                break;
            case REOPEN:
                draft.reopen(latestCompleted);
                break;
            default:
                throw new IllegalArgumentException(action.verb().toString());
        }
        draft.lastEventNo++;
        Case after = draft.build(policy);
        CaseEvent event = new CaseEvent(c.caseId(), after.lastEventNo(), at, action.actor(), action.verb().word(),
                null, latestCompleted, true, c.state(), after.state(),
                action.verb() == PersonAction.Verb.ACK || action.verb() == PersonAction.Verb.ASSIGN
                        ? after.assignee() : null,
                action.disposition(), action.note());
        return new Done(new Change(after, event));
    }

    /** The actions a person may take on a case in this state, as they are spelled on the command line. */
    public static List<String> allowedIn(CaseState state) {
        List<String> allowed = new ArrayList<>();
        for (PersonAction action : List.of(PersonAction.ack(""), PersonAction.assign("", ""),
                PersonAction.comment("", ""), PersonAction.resolve("", Disposition.FIXED, ""),
                PersonAction.resolve("", Disposition.ACCEPTED, ""), PersonAction.reopen("", ""))) {
            if (allowed(state, action)) {
                allowed.add(action.spelled());
            }
        }
        return allowed;
    }

    /** The spec's transitions for people. */
    static boolean allowed(CaseState state, PersonAction action) {
        switch (action.verb()) {
            case ACK:
                return state == CaseState.OPEN;
            case ASSIGN:
                return state != CaseState.CLOSED;
            case COMMENT:
                return true;
            case RESOLVE:
                return action.disposition() == Disposition.FIXED
                        ? state == CaseState.OPEN || state == CaseState.IN_PROGRESS
                        : state == CaseState.OPEN || state == CaseState.IN_PROGRESS || state == CaseState.WAITING;
            case REOPEN:
                return state == CaseState.WAITING || state == CaseState.ACCEPTED;
            default:
                return false;
        }
    }

    private Change recorded(Case.Draft draft, CaseState from, String action, LocalDate d, Instant at, String note) {
        draft.lastEventNo++;
        Case after = draft.build(policy);
        return new Change(after, new CaseEvent(after.caseId(), after.lastEventNo(), at, CaseEvent.DATA, action, d, d,
                false, from, after.state(), null, null, note));
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "(none)" : amount.toPlainString();
    }
}
