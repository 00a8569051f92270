package com.retail.recon.desk.runs;

import com.retail.recon.ledger.Ledger;
import com.retail.recon.run.RunHistory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Runs: {@code recon status} as a table, a bundle verified from the page, a ledger downloaded. */
@Controller
class RunsController {

    static final int LIMIT = 50;

    private final RunHistory history;
    private final RunBundles bundles;

    RunsController(RunHistory history, RunBundles bundles) {
        this.history = history;
        this.bundles = bundles;
    }

    @GetMapping("/runs")
    String runs(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                Model model) {
        List<RunHistory.Run> runs = history.recent(date, LIMIT);
        model.addAttribute("runs", runs);
        java.util.Map<String, String> bundleNames = new java.util.HashMap<>();
        runs.stream().map(RunHistory.Run::bundlePath).filter(p -> p != null)
                .forEach(p -> bundleNames.put(p, String.valueOf(Path.of(p).getFileName())));
        model.addAttribute("bundleNames", bundleNames);
        // the bundle column shows the folder's name; the archive folders they are in, once, under the table
        model.addAttribute("archives", runs.stream().map(RunHistory.Run::bundlePath).filter(p -> p != null)
                .map(p -> Path.of(p).getParent()).filter(p -> p != null).map(Path::toString).distinct().toList());
        model.addAttribute("date", date);
        model.addAttribute("limit", LIMIT);
        model.addAttribute("ledgers", Arrays.stream(Ledger.values()).map(Ledger::fileName).toList());
        return "runs/list";
    }

    /** htmx swaps the answer into the run's row; without script the whole page comes back with it on top. */
    @PostMapping("/runs/{date}/{attempt}/verify")
    String verify(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  @PathVariable long attempt, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model) throws IOException {
        RunHistory.Run run = bundles.run(date, attempt).orElseThrow(RunsController::notFound);
        Path bundle = bundles.bundle(run).orElse(null);
        model.addAttribute("verifiedRun", run);
        model.addAttribute("verification", bundle == null ? null : bundles.verify(bundle));
        if (htmx != null) {
            return "runs/list :: verification";
        }
        return runs(null, model);
    }

    @GetMapping("/runs/{date}/{attempt}/ledgers/{file}")
    ResponseEntity<FileSystemResource> ledger(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @PathVariable long attempt,
            @PathVariable String file) throws IOException {
        Ledger ledger = Arrays.stream(Ledger.values()).filter(l -> l.fileName().equals(file)).findFirst()
                .orElseThrow(RunsController::notFound);
        RunHistory.Run run = bundles.run(date, attempt).orElseThrow(RunsController::notFound);
        Path bundle = bundles.bundle(run).orElseThrow(RunsController::notFound);
        Path csv = bundles.ledger(bundle, ledger).orElseThrow(RunsController::notFound);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(date + "-" + attempt + "-" + ledger.fileName()).build().toString())
                .body(new FileSystemResource(csv));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such run, bundle or ledger");
    }
}
