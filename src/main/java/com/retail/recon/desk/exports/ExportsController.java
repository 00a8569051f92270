package com.retail.recon.desk.exports;

import com.retail.recon.archive.RealPaths;
import com.retail.recon.batch.BusinessDays;
import com.retail.recon.export.AuditExport;
import com.retail.recon.run.RunHistory;
import com.retail.recon.system.ReconProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exports: the finance audit export ({@link AuditExport}, as {@code recon export}) of a date range, as a zip
 * download. The bag is written into a new temporary folder (java.io.tmpdir, never inside the archive or the
 * inbox: checked as the command line checks --out), zipped into the response, and deleted.
 */
@Controller
class ExportsController {

    private static final Logger log = LoggerFactory.getLogger(ExportsController.class);

    /** The longest range one download may hold (a year and a day: a leap year's export). */
    static final int MAX_DAYS = 366;

    private final AuditExport export;
    private final BusinessDays days;
    private final RunHistory history;
    private final ReconProperties properties;

    ExportsController(AuditExport export, JdbcTemplate jdbc, RunHistory history, ReconProperties properties) {
        this.export = export;
        this.days = new BusinessDays(jdbc);
        this.history = history;
        this.properties = properties;
    }

    @GetMapping("/exports")
    String form(Model model) {
        List<LocalDate> completed = days.completedBetween(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
        model.addAttribute("firstDate", completed.isEmpty() ? null : completed.get(0));
        model.addAttribute("lastDate", completed.isEmpty() ? null : completed.get(completed.size() - 1));
        model.addAttribute("completedCount", completed.size());
        if (!model.containsAttribute("from") && !completed.isEmpty()) {
            LocalDate last = completed.get(completed.size() - 1);
            model.addAttribute("from", last.withDayOfMonth(1).isBefore(completed.get(0)) ? completed.get(0)
                    : last.withDayOfMonth(1));
            model.addAttribute("to", last);
        }
        return "exports/form";
    }

    @PostMapping("/exports")
    String download(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    Authentication user, Model model, HttpServletResponse response) throws IOException {
        String problem = problem(from, to);
        if (problem != null) {
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("problem", problem);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model);
        }
        Path folder = Files.createTempDirectory("recon-export-");
        try {
            refuseRecordFolders(folder);
            String name = "recon-export-" + from + "-to-" + to;
            AuditExport.Result result = export.write(from, to, folder.resolve(name));
            log.info("desk: {} exported {} to {} ({} business dates)", user.getName(), from, to, result.dates().size());
            response.setContentType("application/zip");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(name + ".zip").build().toString());
            if (!result.missing().isEmpty()) {
                response.setHeader("X-Recon-Missing-Dates", String.join(",",
                        result.missing().stream().map(LocalDate::toString).toList()));
            }
            try (OutputStream out = response.getOutputStream()) {
                zip(result.bag(), name, out);
            }
            return null;
        } finally {
            deleteTree(folder);
        }
    }

    private String problem(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return "Give both dates of the range.";
        }
        if (to.isBefore(from)) {
            return "The range ends (" + to + ") before it starts (" + from + ").";
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            return "One export holds at most " + MAX_DAYS + " days; split the range.";
        }
        if (days.completedBetween(from, to).isEmpty()) {
            return "No business date from " + from + " to " + to + " has completed: there is nothing to export.";
        }
        return null;
    }

    /** As {@code recon export} refuses an --out in or around the archive or the inbox. */
    private void refuseRecordFolders(Path folder) {
        List<Path> records = new ArrayList<>();
        if (properties.archive() != null) {
            records.add(properties.archive());
        }
        if (properties.inbox() != null) {
            records.add(properties.inbox());
        }
        RunHistory.Folders used = history.folders();
        records.addAll(used.archives());
        records.addAll(used.inboxes());
        for (Path record : records) {
            if (RealPaths.isWithin(folder, record) || RealPaths.isWithin(record, folder)) {
                throw new IllegalStateException("the temporary folder " + folder + " lies in or around " + record
                        + "; set java.io.tmpdir outside the archive and the inbox");
            }
        }
    }

    private static void zip(Path bag, String name, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(bag)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String entry = name + "/" + bag.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            zip.putNextEntry(new ZipEntry(entry));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("desk: could not delete {} after an export: {}", path, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("desk: could not delete {} after an export: {}", folder, e.getMessage());
        }
    }
}
