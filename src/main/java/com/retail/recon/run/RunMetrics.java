package com.retail.recon.run;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * run.json: the run's counts and timings for a monitoring system, written beside the bundle
 * ({@code <archive>/<bundle folder>.run.json}), outside the bag, so that the bag's payload stays identical
 * between runs of the same inputs.
 */
record RunMetrics(
        String businessDate,
        long attempt,
        String status,
        String bundle,
        String startedAt,
        String endedAt,
        double durationSeconds,
        List<RunSummary.FileCount> inputs,
        Map<String, Long> outcomes,
        Map<String, Long> exceptions,
        long escalations,
        long newEscalations,
        long receipts,
        List<Step> steps) {

    public record Step(String step, double seconds, long items) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Written to a temporary name first and moved into place, so a reader never sees half a file. */
    public Path writeBeside(Path bundle) throws IOException {
        Path target = bundle.resolveSibling(bundle.getFileName() + ".run.json");
        Path partial = bundle.resolveSibling("." + bundle.getFileName() + ".run.json.partial");
        Files.writeString(partial, JSON.writeValueAsString(this) + "\n");
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
