package com.retail.recon.desk.cases;

import com.retail.recon.cases.Case;
import com.retail.recon.cases.CaseDesk;
import com.retail.recon.cases.CaseEvent;
import com.retail.recon.cases.CaseListing;
import com.retail.recon.cases.CaseRules;
import com.retail.recon.cases.CaseStore;
import com.retail.recon.cases.Disposition;
import com.retail.recon.cases.PersonAction;
import com.retail.recon.explain.Explainer;
import com.retail.recon.explain.Explanation;
import com.retail.recon.users.CaseAccess;
import com.retail.recon.users.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case page ({@code /cases/{id}}): the case's facts, its request's explain as a worked example (one date at a
 * time, the others a click away through htmx), its timeline, and the actions the logged-in user may take there.
 * A case the role may not see ({@link CaseAccess#sees}) is refused with 403, an unknown one is 404; an action is
 * taken only when {@link CaseAccess#works} allows it (else 403) and the spec's transitions do (else the refusal
 * is shown on the page).
 */
@Controller
class CasePageController {

    private final CaseStore store;
    private final CaseDesk desk;
    private final Explainer explainer;
    private final RequestReceipts receipts;

    CasePageController(CaseStore store, CaseDesk desk, Explainer explainer, RequestReceipts receipts) {
        this.store = store;
        this.desk = desk;
        this.explainer = explainer;
        this.receipts = receipts;
    }

    @GetMapping("/cases/{id}")
    String page(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate date, Authentication authentication, Model model) throws IOException {
        Role role = SignedIn.role(authentication);
        Case c = visible(id, role);
        LocalDate latest = desk.latestCompleted();
        model.addAttribute("c", c);
        model.addAttribute("overdue", c.overdue(latest));
        model.addAttribute("latestCompleted", latest);
        model.addAttribute("events", store.events(id).stream().map(Entry::of).toList());
        model.addAttribute("can", actions(c, role));
        model.addAttribute("works", CaseAccess.works(role, c.kind()));
        model.addAttribute("seesRuns", role != Role.AGENT);
        model.addAttribute("receipt", c.requestId() == null || c.requestId().isEmpty() ? null
                : receipts.of(c.requestId()).orElse(null));
        explain(c, date, model);
        return "cases/case";
    }

    /** htmx: another date's worked example in place; without htmx, the whole page at that date. */
    @GetMapping("/cases/{id}/explain")
    String explainFragment(@PathVariable long id, @RequestParam(required = false)
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                           @RequestHeader(value = "HX-Request", required = false) String htmx,
                           Authentication authentication, Model model) {
        Case c = visible(id, SignedIn.role(authentication));
        if (htmx == null) {
            return "redirect:/cases/" + id + (date == null ? "" : "?date=" + date);
        }
        model.addAttribute("c", c);
        explain(c, date, model);
        return "cases/case :: explain";
    }

    @PostMapping("/cases/{id}/actions")
    String act(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) String to,
               @RequestParam(required = false) String disposition, @RequestParam(required = false) String note,
               Authentication authentication, RedirectAttributes redirect) {
        Role role = SignedIn.role(authentication);
        Case c = visible(id, role);
        if (!CaseAccess.works(role, c.kind())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "your role may not work " + c.kind() + " cases");
        }
        String actor = authentication.getName();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        PersonAction person;
        switch (action) {
            case "ack":
                person = PersonAction.ack(actor);
                break;
            case "assign":
                if (to == null || to.isBlank()) {
                    redirect.addFlashAttribute("refusal", "Assign to whom? Type a name.");
                    return "redirect:/cases/" + id;
                }
                person = PersonAction.assign(actor, to.strip());
                break;
            case "comment":
                person = PersonAction.comment(actor, cleanNote);
                break;
            case "resolve":
                if (!"FIXED".equals(disposition) && !"ACCEPTED".equals(disposition)) {
                    redirect.addFlashAttribute("refusal", "Resolve how? Choose fixed or accepted.");
                    return "redirect:/cases/" + id;
                }
                person = PersonAction.resolve(actor, Disposition.valueOf(disposition), cleanNote);
                break;
            case "reopen":
                person = PersonAction.reopen(actor, cleanNote);
                break;
            default:
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown action");
        }
        CaseDesk.Result result = desk.act(List.of(id), person);
        if (result.refused()) {
            redirect.addFlashAttribute("refusal", String.join("; ", result.refusals()));
        } else {
            Case after = result.changed().get(0);
            redirect.addFlashAttribute("done", person.spelled() + " by " + actor + ": case " + id + " is "
                    + after.state() + (after.assignee() == null ? "" : ", assignee " + after.assignee()) + ".");
        }
        return "redirect:/cases/" + id + "#timeline";
    }

    /** The case, when it exists (else 404) and the role sees its kind (else 403). */
    private Case visible(long id, Role role) {
        Case c = store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case"));
        if (role == null || !CaseAccess.sees(role, c.kind())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "your role may not see " + c.kind() + " cases");
        }
        return c;
    }

    /** Which of the person's actions this user may take on the case now: the role's and the state's. */
    private static Map<String, Boolean> actions(Case c, Role role) {
        List<String> allowed = role != null && CaseAccess.works(role, c.kind()) ? CaseRules.allowedIn(c.state())
                : List.of();
        Map<String, Boolean> can = new LinkedHashMap<>();
        can.put("ack", allowed.contains("ack"));
        can.put("assign", allowed.contains("assign"));
        can.put("comment", allowed.contains("comment"));
        can.put("fixed", allowed.contains("resolve --fixed"));
        can.put("accepted", allowed.contains("resolve --accepted"));
        can.put("reopen", allowed.contains("reopen"));
        can.put("any", !allowed.isEmpty());
        return can;
    }

    /** The request's explain: the dates reported, and the worked example of the one chosen (the latest by default). */
    private void explain(Case c, LocalDate date, Model model) {
        if (c.requestId() == null || c.requestId().isEmpty()) {
            model.addAttribute("noExplain", "This case names no cancellation request (an "
                    + c.type() + " of transaction " + c.txnId() + "), so there is no verdict to explain.");
            return;
        }
        Explanation explanation;
        try {
            explanation = explainer.explain(c.requestId(), null);
        } catch (Explainer.NothingToExplain nothing) {
            model.addAttribute("noExplain", "Request " + c.requestId() + ": " + nothing.getMessage() + ".");
            return;
        }
        List<Explanation.Day> days = explanation.days();
        Explanation.Day chosen = days.get(days.size() - 1);
        if (date != null) {
            chosen = days.stream().filter(d -> d.businessDate().equals(date)).findFirst().orElse(chosen);
        }
        model.addAttribute("explainDays", days.stream().map(d -> new DateTab(d.businessDate(), d.outcome().name(),
                d.flagged(), d.discrepancies().isEmpty())).toList());
        model.addAttribute("example", WorkedExample.of(chosen));
        model.addAttribute("matchesLedgers", explanation.matchesLedgers());
    }

    /** An event as the timeline shows it: the instant as the ledgers write it (UTC, to the second). */
    public record Entry(int eventNo, String at, String actor, String action, LocalDate businessDate, boolean byPerson,
                        String fromState, String toState, String assignee, String disposition, String note) {
        static Entry of(CaseEvent e) {
            return new Entry(e.eventNo(), CaseListing.instant(e.at()).replace('T', ' ').replace("Z", " UTC"),
                    e.actor(), e.action(), e.businessDate(), e.byPerson(),
                    e.fromState() == null ? null : e.fromState().name(), e.toState().name(), e.assignee(),
                    e.disposition() == null ? null : e.disposition().name(), e.note());
        }
    }

    /** A date of the explain, as its tab shows it. */
    public record DateTab(LocalDate date, String outcome, boolean flagged, boolean matchesLedger) {
    }
}
