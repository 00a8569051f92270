package com.retail.recon.cases;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The spec's case rules, one test per numbered data rule and per person's action, allowed and refused. */
class CaseRulesTests {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final LocalDate D1 = LocalDate.parse("2026-11-20");
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);
    private static final LocalDate D4 = D1.plusDays(3);

    private final CaseRules rules = new CaseRules(CasePolicy.DEFAULTS);

    private static Flag escalation(String outcome, Priority priority, String amount) {
        return new Flag(CaseKey.escalation("CR-1"), outcome, "CR-1", "O-1", "", priority,
                amount == null ? null : new BigDecimal(amount), amount == null ? null : "USD", "do something");
    }

    private Case opened(Flag flag, LocalDate on) {
        return rules.onDate(null, flag, on, 7, AT).after();
    }

    private Case acted(Case c, PersonAction action, LocalDate latest) {
        CaseRules.Decision decision = rules.act(c, action, latest, AT);
        assertThat(decision).isInstanceOf(CaseRules.Done.class);
        return ((CaseRules.Done) decision).change().after();
    }

    private String refusal(Case c, PersonAction action) {
        CaseRules.Decision decision = rules.act(c, action, D2, AT);
        assertThat(decision).isInstanceOf(CaseRules.Refused.class);
        return ((CaseRules.Refused) decision).reason();
    }

    @Nested
    class WhatTheDataDoes {

        @Test
        void rule1_flaggedWithNoCase_opensANewCaseOnThatDate() {
            CaseRules.Change change = rules.onDate(null, escalation("STUCK_NO_REFUND", Priority.NORMAL, "10.00"), D1,
                    7, AT);
            Case c = change.after();
            assertThat(c.caseId()).isEqualTo(7);
            assertThat(c.state()).isEqualTo(CaseState.OPEN);
            assertThat(c.openedOn()).isEqualTo(D1);
            assertThat(c.lastFlaggedOn()).isEqualTo(D1);
            assertThat(c.reopenCount()).isZero();
            assertThat(c.dueOn()).as("NORMAL: 3 days").isEqualTo(D1.plusDays(3));
            assertThat(change.event().action()).isEqualTo("opened");
            assertThat(change.event().actor()).isEqualTo("recon");
            assertThat(change.event().businessDate()).isEqualTo(D1);
            assertThat(change.event().fromState()).isNull();
            assertThat(change.event().toState()).isEqualTo(CaseState.OPEN);
            assertThat(change.event().eventNo()).isEqualTo(1);
        }

        @Test
        void rule1_notFlaggedAndNoCase_nothingHappens() {
            assertThat(rules.onDate(null, null, D1, 7, AT)).isNull();
        }

        @Test
        void rule2_flaggedAgainAfterClosed_reopensAndCountsIt_closedOnCleared() {
            Case c = opened(escalation("STUCK_NO_REFUND", Priority.NORMAL, "10.00"), D1);
            Case closed = rules.onDate(c, null, D2, 0, AT).after();
            CaseRules.Change change = rules.onDate(closed, escalation("REFUND_FAILED", Priority.HIGH, "10.00"), D3, 0, AT);
            assertThat(change.after().state()).isEqualTo(CaseState.OPEN);
            assertThat(change.after().reopenCount()).isEqualTo(1);
            assertThat(change.after().closedOn()).isNull();
            assertThat(change.after().dueOn()).as("from the reopening, HIGH: 1 day").isEqualTo(D3.plusDays(1));
            assertThat(change.event().action()).isEqualTo("reopened");
            assertThat(change.event().fromState()).isEqualTo(CaseState.CLOSED);
        }

        @Test
        void rule3_waitingAndStillFlaggedRecheckDaysAfterTheFix_reopens() {
            Case c = opened(escalation("REFUND_FAILED", Priority.HIGH, "10.00"), D1);
            Case waiting = acted(c, PersonAction.resolve("ann", Disposition.FIXED, "reissued"), D1);
            assertThat(waiting.waitingSince()).isEqualTo(D1);
            CaseRules.Change nextDay = rules.onDate(waiting, escalation("REFUND_FAILED", Priority.HIGH, "10.00"), D2, 0, AT);
            assertThat(nextDay.after().state()).as("1 day after the fix: still WAITING").isEqualTo(CaseState.WAITING);
            assertThat(nextDay.event()).isNull();
            CaseRules.Change twoDays = rules.onDate(nextDay.after(), escalation("REFUND_FAILED", Priority.HIGH, "10.00"),
                    D3, 0, AT);
            assertThat(twoDays.after().state()).as("D - A = 2 >= recheck-days").isEqualTo(CaseState.OPEN);
            assertThat(twoDays.after().reopenCount()).isEqualTo(1);
            assertThat(twoDays.event().note()).contains("after the fix");
        }

        @Test
        void rule4_acceptedAndTheTypeOrAmountChanges_reopens_otherwiseStaysAccepted() {
            Case c = opened(escalation("STUCK_REFUND_PENDING", Priority.NORMAL, "10.00"), D1);
            Case accepted = acted(c, PersonAction.resolve("ann", Disposition.ACCEPTED, "customer agreed"), D1);
            CaseRules.Change samePriorityUp = rules.onDate(accepted,
                    escalation("STUCK_REFUND_PENDING", Priority.HIGH, "10.00"), D2, 0, AT);
            assertThat(samePriorityUp.after().state()).as("only the priority changed").isEqualTo(CaseState.ACCEPTED);
            assertThat(samePriorityUp.after().priority()).isEqualTo(Priority.HIGH);
            CaseRules.Change amountChanged = rules.onDate(samePriorityUp.after(),
                    escalation("STUCK_REFUND_PENDING", Priority.HIGH, "4.00"), D3, 0, AT);
            assertThat(amountChanged.after().state()).isEqualTo(CaseState.OPEN);
            assertThat(amountChanged.event().note()).contains("amount changed").contains("10.00 -> 4.00");
            Case acceptedAgain = acted(amountChanged.after(), PersonAction.resolve("ann", Disposition.ACCEPTED, "ok"), D3);
            CaseRules.Change typeChanged = rules.onDate(acceptedAgain, escalation("REFUND_FAILED", Priority.HIGH, "4.00"),
                    D4, 0, AT);
            assertThat(typeChanged.after().state()).isEqualTo(CaseState.OPEN);
            assertThat(typeChanged.after().reopenCount()).isEqualTo(2);
        }

        @Test
        void rule4_amountsCompareAsNumbers_andNoAmountEqualsNoAmount() {
            Case c = opened(escalation("ORDER_NOT_FOUND", Priority.NORMAL, null), D1);
            Case accepted = acted(c, PersonAction.resolve("ann", Disposition.ACCEPTED, "written off"), D1);
            assertThat(rules.onDate(accepted, escalation("ORDER_NOT_FOUND", Priority.NORMAL, null), D2, 0, AT).after()
                    .state()).isEqualTo(CaseState.ACCEPTED);
        }

        @Test
        void rule5_notFlaggedAndNotClosed_closesWhateverItsState() {
            for (CaseState state : new CaseState[]{CaseState.OPEN, CaseState.IN_PROGRESS, CaseState.WAITING,
                    CaseState.ACCEPTED}) {
                Case c = withState(opened(escalation("STUCK_NO_REFUND", Priority.NORMAL, "1.00"), D1), state);
                CaseRules.Change change = rules.onDate(c, null, D2, 0, AT);
                assertThat(change.after().state()).as(state.name()).isEqualTo(CaseState.CLOSED);
                assertThat(change.after().closedOn()).isEqualTo(D2);
                assertThat(change.event().fromState()).isEqualTo(state);
            }
        }

        @Test
        void rule5_alreadyClosedAndNotFlagged_nothingHappens() {
            Case closed = rules.onDate(opened(escalation("STUCK_NO_REFUND", Priority.NORMAL, "1.00"), D1), null, D2, 0, AT)
                    .after();
            assertThat(rules.onDate(closed, null, D3, 0, AT)).isNull();
        }

        @Test
        void rule6_flagged_takesTheDatesFacts_andDueFollowsThePriority_withoutAnEvent() {
            Case c = opened(escalation("STUCK_NO_REFUND", Priority.NORMAL, "10.00"), D1);
            CaseRules.Change change = rules.onDate(c, escalation("STUCK_NO_REFUND", Priority.HIGH, "7.50"), D2, 0, AT);
            assertThat(change.event()).as("a fact is not a transition").isNull();
            assertThat(change.after().lastFlaggedOn()).isEqualTo(D2);
            assertThat(change.after().priority()).isEqualTo(Priority.HIGH);
            assertThat(change.after().amount()).isEqualByComparingTo("7.50");
            assertThat(change.after().dueOn()).as("opened_on + HIGH's 1 day").isEqualTo(D1.plusDays(1));
            assertThat(change.after().overdue(D3)).isTrue();
            assertThat(change.after().overdue(D2)).isFalse();
        }
    }

    @Nested
    class WhatPeopleDo {

        private final Case open = opened(escalation("STUCK_NO_REFUND", Priority.NORMAL, "10.00"), D1);

        @Test
        void ack_openToInProgress_assigneeTheActorWhenNone() {
            Case c = acted(open, PersonAction.ack("ann"), D1);
            assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
            assertThat(c.assignee()).isEqualTo("ann");
            Case assigned = acted(open, PersonAction.assign("ann", "bob"), D1);
            assertThat(acted(assigned, PersonAction.ack("ann"), D1).assignee()).as("keeps bob").isEqualTo("bob");
        }

        @Test
        void ack_refusedUnlessOpen() {
            Case inProgress = acted(open, PersonAction.ack("ann"), D1);
            assertThat(refusal(inProgress, PersonAction.ack("bob")))
                    .isEqualTo("case 7 is IN_PROGRESS: ack is not allowed; allowed: assign, comment, resolve --fixed, "
                            + "resolve --accepted");
        }

        @Test
        void assign_anyStateButClosed_stateUnchanged() {
            Case waiting = acted(open, PersonAction.resolve("ann", Disposition.FIXED, "done"), D1);
            Case c = acted(waiting, PersonAction.assign("ann", "bob"), D1);
            assertThat(c.state()).isEqualTo(CaseState.WAITING);
            assertThat(c.assignee()).isEqualTo("bob");
            Case closed = rules.onDate(open, null, D2, 0, AT).after();
            assertThat(refusal(closed, PersonAction.assign("ann", "bob"))).startsWith("case 7 is CLOSED")
                    .endsWith("allowed: comment");
        }

        @Test
        void comment_anyState_needsANote() {
            Case closed = rules.onDate(open, null, D2, 0, AT).after();
            CaseRules.Decision decision = rules.act(closed, PersonAction.comment("ann", "called the customer"), D2, AT);
            CaseEvent event = ((CaseRules.Done) decision).change().event();
            assertThat(event.fromState()).isEqualTo(CaseState.CLOSED);
            assertThat(event.toState()).isEqualTo(CaseState.CLOSED);
            assertThat(event.note()).isEqualTo("called the customer");
            assertThat(event.byPerson()).isTrue();
            assertThat(event.anchorDate()).isEqualTo(D2);
            assertThat(refusal(open, PersonAction.comment("ann", " "))).isEqualTo("case 7: comment needs a note");
        }

        @Test
        void resolveFixed_openOrInProgressToWaiting_refusedElsewhere() {
            assertThat(acted(open, PersonAction.resolve("ann", Disposition.FIXED, "x"), D1).state())
                    .isEqualTo(CaseState.WAITING);
            Case inProgress = acted(open, PersonAction.ack("ann"), D1);
            assertThat(acted(inProgress, PersonAction.resolve("ann", Disposition.FIXED, "x"), D1).state())
                    .isEqualTo(CaseState.WAITING);
            Case waiting = acted(open, PersonAction.resolve("ann", Disposition.FIXED, "x"), D1);
            assertThat(refusal(waiting, PersonAction.resolve("ann", Disposition.FIXED, "again")))
                    .startsWith("case 7 is WAITING: resolve --fixed is not allowed");
            assertThat(refusal(open, PersonAction.resolve("ann", Disposition.FIXED, "")))
                    .isEqualTo("case 7: resolve --fixed needs a note");
        }

        @Test
        void resolveAccepted_openInProgressOrWaitingToAccepted_refusedWhenAcceptedOrClosed() {
            Case waiting = acted(open, PersonAction.resolve("ann", Disposition.FIXED, "x"), D1);
            Case accepted = acted(waiting, PersonAction.resolve("ann", Disposition.ACCEPTED, "written off"), D1);
            assertThat(accepted.state()).isEqualTo(CaseState.ACCEPTED);
            assertThat(accepted.acceptedType()).isEqualTo("STUCK_NO_REFUND");
            assertThat(accepted.acceptedAmount()).isEqualByComparingTo("10.00");
            assertThat(refusal(accepted, PersonAction.resolve("ann", Disposition.ACCEPTED, "x")))
                    .startsWith("case 7 is ACCEPTED");
            Case closed = rules.onDate(open, null, D2, 0, AT).after();
            assertThat(refusal(closed, PersonAction.resolve("ann", Disposition.ACCEPTED, "x")))
                    .startsWith("case 7 is CLOSED");
        }

        @Test
        void reopen_waitingOrAcceptedToOpen_countsIt_dueFromTheLatestCompletedDate() {
            Case waiting = acted(open, PersonAction.resolve("ann", Disposition.FIXED, "x"), D1);
            Case reopened = acted(waiting, PersonAction.reopen("ann", "customer called again"), D3);
            assertThat(reopened.state()).isEqualTo(CaseState.OPEN);
            assertThat(reopened.reopenCount()).isEqualTo(1);
            assertThat(reopened.dueOn()).isEqualTo(D3.plusDays(3));
            Case accepted = acted(open, PersonAction.resolve("ann", Disposition.ACCEPTED, "x"), D1);
            assertThat(acted(accepted, PersonAction.reopen("ann", "no"), D2).state()).isEqualTo(CaseState.OPEN);
            assertThat(refusal(open, PersonAction.reopen("ann", "why"))).startsWith("case 7 is OPEN: reopen is not allowed");
            assertThat(refusal(waiting, PersonAction.reopen("ann", ""))).isEqualTo("case 7: reopen needs a note");
        }

        @Test
        void onlyAckAndAssignChangeTheAssignee() {
            Case mine = acted(open, PersonAction.ack("ann"), D1);
            Case waiting = acted(mine, PersonAction.resolve("bob", Disposition.FIXED, "x"), D1);
            assertThat(waiting.assignee()).isEqualTo("ann");
            Case closed = rules.onDate(waiting, null, D2, 0, AT).after();
            assertThat(closed.assignee()).isEqualTo("ann");
            assertThat(rules.onDate(closed, escalation("STUCK_NO_REFUND", Priority.NORMAL, "1.00"), D3, 0, AT).after()
                    .assignee()).isEqualTo("ann");
        }
    }

    private static Case withState(Case c, CaseState state) {
        Case.Draft draft = c.draft();
        draft.state = state;
        if (state == CaseState.WAITING) {
            draft.waitingSince = c.openedOn();
        }
        if (state == CaseState.ACCEPTED) {
            draft.acceptedType = c.type();
            draft.acceptedAmount = c.amount();
        }
        return draft.build(CasePolicy.DEFAULTS);
    }
}
