package com.retail.recon.desk.cases;

import com.retail.recon.cases.Case;
import com.retail.recon.cases.CaseDesk;
import com.retail.recon.cases.CaseKind;
import com.retail.recon.cases.CaseQuery;
import com.retail.recon.cases.CaseState;
import com.retail.recon.cases.CaseStore;
import com.retail.recon.cases.Disposition;
import com.retail.recon.cases.PersonAction;
import com.retail.recon.users.CaseAccess;
import com.retail.recon.users.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The queue ({@code /cases}, every role; an AGENT sees escalations only): filters kept in the URL, sorting,
 * pages of 50, and a bulk action (ack, assign, resolve) on the cases ticked, all or nothing through
 * {@link CaseDesk#act}, the logged-in user the actor. The page is whole HTML; htmx (hx-boost on the queue)
 * swaps only the queue's part for a filter, a sort, a page or an action.
 */
@Controller
class QueueController {

    private static final Logger log = LoggerFactory.getLogger(QueueController.class);

    static final int PAGE_SIZE = 50;
    /** What the page sends back after an action: its own query string, nothing that could lead elsewhere. */
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9_.~%&=+,\\-]*");

    private final CaseStore store;
    private final CaseDesk desk;

    QueueController(CaseStore store, CaseDesk desk) {
        this.store = store;
        this.desk = desk;
    }

    @GetMapping("/cases")
    String queue(@RequestParam MultiValueMap<String, String> parameters, Authentication user, Model model) {
        Role role = DeskRoles.of(user);
        LocalDate latest = store.clock().latestCompleted();
        CaseQuery query = QueueParameters.read(parameters, role, user.getName(), latest, PAGE_SIZE, PAGE_SIZE);
        long total = store.count(query);
        List<Case> cases = store.page(query);
        Set<CaseKind> works = EnumSet.noneOf(CaseKind.class);
        for (CaseKind kind : CaseAccess.visibleKinds(role)) {
            if (CaseAccess.works(role, kind)) {
                works.add(kind);
            }
        }
        model.addAttribute("view", new QueueView(query, parameters, total, cases, latest, user.getName(), works,
                CaseAccess.visibleKinds(role)));
        model.addAttribute("states", List.of(CaseState.values()));
        return "cases/queue";
    }

    @PostMapping("/cases/actions")
    String act(@RequestParam(name = "id", required = false) List<Long> ids, @RequestParam String action,
               @RequestParam(required = false) String to, @RequestParam(required = false) String disposition,
               @RequestParam(required = false) String note, @RequestParam(required = false) String back,
               Authentication user, RedirectAttributes flash) {
        String target = "redirect:/cases" + (back == null || back.isEmpty() || !QUERY.matcher(back).matches()
                ? "" : "?" + back);
        List<Long> selected = ids == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(ids));
        flash.addFlashAttribute("selected", selected);
        if (selected.isEmpty()) {
            flash.addFlashAttribute("problems", List.of("Tick the cases to act on first."));
            return target;
        }
        PersonAction personAction;
        try {
            personAction = action(action, user.getName(), to, disposition, note);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problems", List.of(e.getMessage()));
            return target;
        }
        // the role, case by case, before anything changes: one case the role may not work refuses them all
        Role role = DeskRoles.of(user);
        List<String> problems = new ArrayList<>();
        for (long id : selected) {
            store.find(id).ifPresent(c -> {
                if (!CaseAccess.works(role, c.kind())) {
                    problems.add("case " + id + ": the " + role + " role does not work " + c.kind() + " cases");
                }
            });
        }
        CaseDesk.Result result = problems.isEmpty() ? desk.act(selected, personAction) : null;
        if (result != null && result.refused()) {
            problems.addAll(result.refusals());
        }
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("problems", problems);
            flash.addFlashAttribute("nothingChanged", true);
            return target;
        }
        List<Long> changed = result.changed().stream().map(Case::caseId).toList();
        log.info("desk: {} {} case(s) {}", user.getName(), personAction.spelled(), changed);
        flash.addFlashAttribute("done", done(personAction, changed));
        flash.addFlashAttribute("selected", List.of());
        flash.addFlashAttribute("changed", changed);
        return target;
    }

    private static PersonAction action(String action, String actor, String to, String disposition, String note) {
        String text = note == null || note.isBlank() ? null : note.trim();
        switch (action) {
            case "ack":
                return PersonAction.ack(actor);
            case "assign":
                if (to == null || to.isBlank()) {
                    throw new IllegalArgumentException("Assign needs a name to assign to.");
                }
                return PersonAction.assign(actor, to.trim());
            case "resolve":
                if (!"FIXED".equals(disposition) && !"ACCEPTED".equals(disposition)) {
                    throw new IllegalArgumentException("Resolve needs fixed or accepted.");
                }
                if (text == null) {
                    throw new IllegalArgumentException("Resolve needs a note: what was done, or why it stands.");
                }
                return PersonAction.resolve(actor, Disposition.valueOf(disposition), text);
            default:
                throw new IllegalArgumentException("Unknown action '" + action + "'.");
        }
    }

    private static String done(PersonAction action, List<Long> changed) {
        String verb;
        switch (action.verb()) {
            case ACK:
                verb = "Acknowledged";
                break;
            case ASSIGN:
                verb = "Assigned to " + action.to() + ":";
                break;
            default:
                verb = action.disposition() == Disposition.FIXED ? "Resolved as fixed (waiting for the data):"
                        : "Resolved as accepted:";
        }
        StringBuilder ids = new StringBuilder();
        for (long id : changed) {
            ids.append(ids.length() == 0 ? "" : ", ").append(id);
        }
        return verb + " " + changed.size() + (changed.size() == 1 ? " case (" : " cases (") + ids + ").";
    }

    @ExceptionHandler(QueueParameters.Bad.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badParameter(QueueParameters.Bad bad, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("error", "Bad Request");
        model.addAttribute("message", bad.getMessage());
        return "error";
    }

    @ExceptionHandler(QueueParameters.NotYourKind.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notYourKind(QueueParameters.NotYourKind refused, Model model) {
        model.addAttribute("status", 403);
        model.addAttribute("error", "Forbidden");
        model.addAttribute("message", refused.getMessage());
        return "error";
    }
}
