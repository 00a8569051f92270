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

    /**
     * Adds {@code "notifications": {"pending": n, "failed": m}} to a run.json written before: the end of a run
     * knows them only after it has tried to send (README "Notifications").
     */
    static void noteNotifications(Path bundle, long pending, long failed) throws IOException {
        Path target = bundle.resolveSibling(bundle.getFileName() + ".run.json");
        if (!Files.exists(target)) {
            return;
        }
        tools.jackson.databind.node.ObjectNode json = (tools.jackson.databind.node.ObjectNode) JSON.readTree(
                Files.readString(target));
        tools.jackson.databind.node.ObjectNode notifications = json.putObject("notifications");
        notifications.put("pending", pending);
        notifications.put("failed", failed);
        write(target, JSON.writeValueAsString(json));
    }

    /** Written to a temporary name first and moved into place, so a reader never sees half a file. */
    public Path writeBeside(Path bundle) throws IOException {
        return write(bundle.resolveSibling(bundle.getFileName() + ".run.json"), JSON.writeValueAsString(this));
    }

    private static Path write(Path target, String json) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.writeString(partial, json + "\n");
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
