package com.retail.recon.desk.cases;

import com.retail.recon.cases.Case;
import com.retail.recon.cases.CaseDesk;
import com.retail.recon.cases.CaseStore;
import com.retail.recon.explain.Explainer;
import com.retail.recon.explain.Explanation;
import com.retail.recon.users.CaseAccess;
import com.retail.recon.users.Role;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.util.List;

/**
 * The request page ({@code /requests/{request_id}}): the request's explain across every date it was reported
 * (a date-by-date table, each date opening to its worked example), and its cases that the role sees. Every
 * role may open it (an AGENT reads explain, issue 18); a request neither reported nor with a case is 404.
 * Also the request's receipt PDF ({@link RequestReceipts}).
 */
@Controller
class RequestPageController {

    private final CaseStore store;
    private final CaseDesk desk;
    private final Explainer explainer;
    private final RequestReceipts receipts;

    RequestPageController(CaseStore store, CaseDesk desk, Explainer explainer, RequestReceipts receipts) {
        this.store = store;
        this.desk = desk;
        this.explainer = explainer;
        this.receipts = receipts;
    }

    @GetMapping("/requests/{requestId}")
    String page(@PathVariable String requestId, Authentication authentication, Model model) throws IOException {
        Role role = SignedIn.role(authentication);
        List<Case> all = store.ofRequest(requestId);
        Explanation explanation = null;
        try {
            explanation = explainer.explain(requestId, null);
        } catch (Explainer.NothingToExplain nothing) {
            if (all.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such request");
            }
            model.addAttribute("noExplain", nothing.getMessage());
        }
        List<Case> cases = all.stream().filter(c -> role != null && CaseAccess.sees(role, c.kind())).toList();
        model.addAttribute("requestId", requestId);
        model.addAttribute("cases", cases);
        model.addAttribute("hiddenCases", all.size() - cases.size());
        model.addAttribute("latestCompleted", desk.latestCompleted());
        model.addAttribute("examples", explanation == null ? List.of()
                : explanation.days().stream().map(WorkedExample::of).toList());
        model.addAttribute("matchesLedgers", explanation == null || explanation.matchesLedgers());
        model.addAttribute("receipt", receipts.of(requestId).orElse(null));
        model.addAttribute("seesRuns", role != Role.AGENT);
        return "requests/request";
    }

    /** The receipt PDF of the date the request became REFUNDED, from that date's bundle. */
    @GetMapping("/requests/{requestId}/receipt")
    ResponseEntity<FileSystemResource> receipt(@PathVariable String requestId) throws IOException {
        RequestReceipts.Receipt receipt = receipts.of(requestId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no receipt"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(receipt.businessDate() + "-" + receipt.fileName()).build().toString())
                .body(new FileSystemResource(receipt.file()));
    }
}
