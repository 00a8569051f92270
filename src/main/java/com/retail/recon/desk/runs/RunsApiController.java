package com.retail.recon.desk.runs;

import com.retail.recon.run.RunHistory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/runs[?date=YYYY-MM-DD][&limit=N]}: what {@code recon status} prints, as JSON, newest first.
 * Field names are snake_case like the ledgers' columns; a count the run did not reach is null.
 */
@RestController
class RunsApiController {

    static final int MAX_LIMIT = 500;

    private final RunHistory history;

    RunsApiController(RunHistory history) {
        this.history = history;
    }

    @GetMapping("/api/runs")
    Map<String, Object> runs(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                             @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1 to " + MAX_LIMIT);
        }
        List<Map<String, Object>> runs = history.recent(date, limit).stream().map(RunsApiController::json).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runs", runs);
        return body;
    }

    private static Map<String, Object> json(RunHistory.Run run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("business_date", run.businessDate().toString());
        json.put("attempt", run.attempt());
        json.put("state", run.state());
        json.put("started", run.started() == null ? null : run.started().toString());
        json.put("duration_seconds", run.duration() == null ? null : run.duration().toMillis() / 1000.0);
        json.put("rows_read", run.rowsRead());
        json.put("rows_accepted", run.rowsAccepted());
        json.put("rows_rejected", run.rowsRejected());
        json.put("requests", run.requests());
        json.put("bundle_path", run.bundlePath());
        json.put("exit_description", run.exitDescription() == null || run.exitDescription().isEmpty()
                ? null : run.exitDescription());
        return json;
    }
}
