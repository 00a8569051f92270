package com.retail.recon.desk.cases;

import com.retail.recon.explain.ExplainJson;
import com.retail.recon.explain.Explainer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code GET /api/requests/{id}/explain[?date=YYYY-MM-DD]}: exactly what {@code recon explain ID [--date D]
 * --format json} writes ({@link ExplainJson#write}); 404 with a JSON error when the request was not reported on
 * any completed date up to D (or none has completed).
 */
@RestController
class ExplainApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Explainer explainer;

    ExplainApiController(Explainer explainer) {
        this.explainer = explainer;
    }

    @GetMapping("/api/requests/{requestId}/explain")
    ResponseEntity<String> explain(@PathVariable String requestId, @RequestParam(required = false)
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(ExplainJson.write(explainer.explain(requestId, date)));
        } catch (Explainer.NothingToExplain nothing) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                    .body(JSON.writeValueAsString(Map.of("error", "not_found", "message", nothing.getMessage())));
        }
    }
}
