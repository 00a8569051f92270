package com.retail.recon.desk.cases;

import com.retail.recon.cases.Case;
import com.retail.recon.cases.CaseDesk;
import com.retail.recon.cases.CaseListing;
import com.retail.recon.cases.CaseQuery;
import com.retail.recon.cases.CaseStore;
import com.retail.recon.cases.Disposition;
import com.retail.recon.cases.PersonAction;
import com.retail.recon.users.CaseAccess;
import com.retail.recon.users.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases over HTTP Basic: {@code GET /api/cases} (a page of the queue), {@code GET /api/cases/{id}} (a case
 * with its events), {@code POST /api/cases/{id}/actions} (what a person does, the user being the actor). Cases
 * are written by {@link CaseListing#json} like {@code recon cases list --format json}. Statuses: 400 bad input,
 * 403 a role that may not (an AGENT asking for an EXCEPTION case, by id or by kind, gets 403, not 404: case ids
 * are sequential, so hiding one's existence would hide nothing), 404 no such case, 409 refused by the spec's
 * transitions (the refusal line).
 */
@RestController
class CasesApiController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private final CaseStore store;
    private final CaseDesk desk;

    CasesApiController(CaseStore store, CaseDesk desk) {
        this.store = store;
        this.desk = desk;
    }

    @GetMapping("/api/cases")
    Map<String, Object> cases(@RequestParam MultiValueMap<String, String> parameters, Authentication user) {
        LocalDate latest = store.clock().latestCompleted();
        CaseQuery query = QueueParameters.read(parameters, DeskRoles.of(user), user.getName(), latest,
                DEFAULT_SIZE, MAX_SIZE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", store.count(query));
        body.put("page", query.page());
        body.put("size", query.size());
        body.put("cases", store.page(query).stream().map(c -> CaseListing.json(c, latest)).toList());
        return body;
    }

    @GetMapping("/api/cases/{id}")
    Map<String, Object> oneCase(@PathVariable String id, Authentication user) {
        Case c = visible(id, DeskRoles.of(user));
        return withEvents(c, store.clock().latestCompleted());
    }

    @PostMapping("/api/cases/{id}/actions")
    Map<String, Object> act(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body,
                            Authentication user) {
        PersonAction action = action(body, user.getName());
        Role role = DeskRoles.of(user);
        Case c = visible(id, role);
        if (!CaseAccess.works(role, c.kind())) {
            throw new Refusal(HttpStatus.FORBIDDEN, "forbidden",
                    "the " + role + " role does not work " + c.kind() + " cases");
        }
        CaseDesk.Result result = desk.act(List.of(c.caseId()), action);
        if (result.refused()) {
            throw new Refusal(HttpStatus.CONFLICT, "refused", String.join("; ", result.refusals()));
        }
        return withEvents(result.changed().get(0), store.clock().latestCompleted());
    }

    private Case visible(String id, Role role) {
        long caseId;
        try {
            caseId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "bad_request", "a case id is a number, not '" + id + "'");
        }
        Case c = store.find(caseId).orElseThrow(() ->
                new Refusal(HttpStatus.NOT_FOUND, "not_found", "case " + caseId + ": no such case"));
        if (!CaseAccess.sees(role, c.kind())) {
            throw new Refusal(HttpStatus.FORBIDDEN, "forbidden",
                    "the " + role + " role does not see " + c.kind() + " cases");
        }
        return c;
    }

    private Map<String, Object> withEvents(Case c, LocalDate latest) {
        Map<String, Object> json = CaseListing.json(c, latest);
        json.put("events", store.events(c.caseId()).stream().map(CaseListing::eventJson).toList());
        return json;
    }

    /** The request's body as a person's action; what is missing or unknown is a 400. */
    static PersonAction action(Map<String, Object> body, String actor) {
        if (body == null) {
            throw bad("a JSON body is required: {\"action\": \"ack|assign|comment|resolve|reopen\", ...}");
        }
        String word = text(body, "action");
        if (word == null) {
            throw bad("\"action\" is required: ack, assign, comment, resolve or reopen");
        }
        PersonAction.Verb verb;
        try {
            verb = PersonAction.Verb.ofWord(word);
        } catch (IllegalArgumentException e) {
            throw bad("unknown action '" + word + "'; one of ack, assign, comment, resolve, reopen");
        }
        String note = text(body, "note");
        if (verb.needsNote() && note == null) {
            throw bad(verb.word() + " needs a \"note\"");
        }
        switch (verb) {
            case ACK:
                return PersonAction.ack(actor);
            case ASSIGN:
                String to = text(body, "to");
                if (to == null) {
                    throw bad("assign needs \"to\": the new assignee");
                }
                return PersonAction.assign(actor, to);
            case COMMENT:
                return PersonAction.comment(actor, note);
            case RESOLVE:
                String disposition = text(body, "disposition");
                if (disposition == null) {
                    throw bad("resolve needs \"disposition\": FIXED or ACCEPTED");
                }
                try {
                    return PersonAction.resolve(actor, QueueParameters.parse(Disposition.class, "disposition",
                            disposition), note);
                } catch (QueueParameters.Bad e) {
                    throw bad(e.getMessage());
                }
            default:
                return PersonAction.reopen(actor, note);
        }
    }

    private static String text(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value != null && !(value instanceof String)) {
            throw bad("\"" + name + "\" must be a string");
        }
        return value == null || ((String) value).isBlank() ? null : ((String) value).trim();
    }

    private static Refusal bad(String message) {
        return new Refusal(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    /** An answer other than 200, with a JSON body like the security chain's: {"error", "message"}. */
    static final class Refusal extends RuntimeException {
        final HttpStatus status;
        final String error;

        Refusal(HttpStatus status, String error, String message) {
            super(message);
            this.status = status;
            this.error = error;
        }
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> refusal(Refusal refusal) {
        return error(refusal.status, refusal.error, refusal.getMessage());
    }

    @ExceptionHandler(QueueParameters.Bad.class)
    ResponseEntity<Map<String, Object>> badParameter(QueueParameters.Bad bad) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", bad.getMessage());
    }

    @ExceptionHandler(QueueParameters.NotYourKind.class)
    ResponseEntity<Map<String, Object>> notYourKind(QueueParameters.NotYourKind refused) {
        return error(HttpStatus.FORBIDDEN, "forbidden", refused.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", "the body is not a JSON object");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return ResponseEntity.status(status).body(body);
    }
}
