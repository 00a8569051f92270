package com.retail.recon.cases;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What people do to cases, from the command line or the desk: one action on one or many cases, all or nothing
 * (SPEC "What people do"). Each action waits for the night's case step (the clock row's lock), and sits after
 * the latest completed date of that moment.
 */
@Service
public class CaseDesk {

    private final CaseStore store;
    private final CaseRules rules;
    private final TransactionTemplate transaction;
    private final Clock clock;

    @Autowired
    public CaseDesk(CaseStore store, CaseRules rules, PlatformTransactionManager transactionManager) {
        this(store, rules, transactionManager, Clock.systemUTC());
    }

    CaseDesk(CaseStore store, CaseRules rules, PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The outcome of an action: the cases as they now stand, or every refusal (and then nothing changed). */
    public record Result(List<Case> changed, List<String> refusals) {
        public boolean refused() {
            return !refusals.isEmpty();
        }
    }

    /** The action on each of the cases, or on none of them if any refuses it or does not exist. */
    public Result act(List<Long> caseIds, PersonAction action) {
        return transaction.execute(status -> {
            CaseStore.Clock now = store.lockClock();
            Instant at = clock.instant();
            List<String> refusals = new ArrayList<>();
            List<CaseRules.Change> changes = new ArrayList<>();
            for (long id : new LinkedHashSet<>(caseIds)) {
                Optional<Case> c = store.find(id);
                if (c.isEmpty()) {
                    refusals.add("case " + id + ": no such case");
                    continue;
                }
                CaseRules.Decision decision = rules.act(c.get(), action, now.latestCompleted(), at);
                if (decision instanceof CaseRules.Refused refused) {
                    refusals.add(refused.reason());
                } else {
                    changes.add(((CaseRules.Done) decision).change());
                }
            }
            if (!refusals.isEmpty()) {
                return new Result(List.of(), refusals);
            }
            List<Case> changed = new ArrayList<>();
            for (CaseRules.Change change : changes) {
                store.saveOne(now.latestCompleted(), change.after());
                store.appendPersonEvent(change.event());
                changed.add(change.after());
            }
            return new Result(changed, List.of());
        });
    }

    /** The ids of the cases a filter selects, for a bulk action. */
    public List<Long> select(CaseFilter filter) {
        List<Long> ids = new ArrayList<>();
        store.list(filter, c -> ids.add(c.caseId()));
        return ids;
    }

    public LocalDate latestCompleted() {
        return store.clock().latestCompleted();
    }
}
