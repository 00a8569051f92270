package com.retail.recon.notify;

import com.retail.recon.cases.Case;
import com.retail.recon.cases.CaseFilter;
import com.retail.recon.cases.CaseListing;
import com.retail.recon.cases.CaseStore;
import com.retail.recon.cases.CaseWatcher;
import com.retail.recon.cases.Priority;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * case.opened, case.reopened and case.overdue, recorded in the cases step's transaction. Each fact is recorded
 * once (its key: the case, and its reopening or due date), so a restart, rerun or replay that meets it again
 * tells nobody twice. Nothing is recorded for an event type no webhook wants.
 */
@Component
class CaseNotices implements CaseWatcher {

    private final Outbox outbox;
    private final NotifyProperties properties;
    private final DeskLinks links;
    private final CaseStore cases;

    CaseNotices(Outbox outbox, NotifyProperties properties, DeskLinks links, CaseStore cases) {
        this.outbox = outbox;
        this.properties = properties;
        this.links = links;
        this.cases = cases;
    }

    @Override
    public void opened(LocalDate date, Case after, boolean reopened, Instant at) {
        if (!atLeast(after.priority(), properties.minPriority())) {
            return;
        }
        EventType type = reopened ? EventType.CASE_REOPENED : EventType.CASE_OPENED;
        List<String> webhooks = properties.webhooksFor(type);
        if (!webhooks.isEmpty()) {
            String key = reopened ? type.word() + ":" + after.caseId() + ":" + after.reopenCount()
                    : type.word() + ":" + after.caseId();
            outbox.record(type, key, date, at, data(after, date), webhooks);
        }
    }

    /** The first date a case is overdue (for its current due date: a reopened case can become overdue again). */
    @Override
    public void applied(LocalDate latestCompleted, Instant at) {
        List<String> webhooks = properties.webhooksFor(EventType.CASE_OVERDUE);
        if (webhooks.isEmpty() || latestCompleted == null) {
            return;
        }
        List<Case> overdue = new ArrayList<>();
        cases.list(new CaseFilter(CaseFilter.NOT_CLOSED, null, null, null, true, latestCompleted), overdue::add);
        for (Case c : overdue) {
            outbox.record(EventType.CASE_OVERDUE, EventType.CASE_OVERDUE.word() + ":" + c.caseId() + ":" + c.dueOn(),
                    latestCompleted, at, data(c, latestCompleted), webhooks);
        }
    }

    /** The case as the API shows it, with its page on the desk when recon.desk.url is set. */
    private Map<String, Object> data(Case c, LocalDate latestCompleted) {
        Map<String, Object> json = CaseListing.json(c, latestCompleted);
        links.toCase(c.caseId()).ifPresent(url -> json.put("url", url));
        return json;
    }


    /** HIGH is above NORMAL (Priority lists the highest first). */
    static boolean atLeast(Priority priority, Priority minimum) {
        return priority.ordinal() <= minimum.ordinal();
    }
}
