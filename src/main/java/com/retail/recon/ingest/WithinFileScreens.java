package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link WithinFileScreen}s of the ingests running in this process, by job execution and file, from the
 * ingest steps to settle-ingest. Off when partitions run in other processes (remote workers): each would
 * see only its own partitions.
 */
final class WithinFileScreens {

    private final boolean enabled;
    private final Map<Long, Map<InputFile, WithinFileScreen>> byJobExecution = new ConcurrentHashMap<>();

    public WithinFileScreens(boolean enabled) {
        this.enabled = enabled;
    }

    /** The screen of this job execution's file, made on first use; empty when screening is off. */
    public Optional<WithinFileScreen> screen(long jobExecutionId, InputFile file, Path path) {
        if (!enabled) {
            return Optional.empty();
        }
        Map<InputFile, WithinFileScreen> screens = byJobExecution.get(jobExecutionId);
        if (screens == null) {
            synchronized (this) {
                screens = byJobExecution.get(jobExecutionId);
                if (screens == null) {
                    // a job that failed before settle-ingest never had its screens forgotten: a long-lived
                    // process (recon schedule) drops them when the next job starts. (Were two jobs to run at
                    // once, the other would miss partitions here, and settle-ingest would ask the store.)
                    byJobExecution.clear();
                    screens = new ConcurrentHashMap<>();
                    byJobExecution.put(jobExecutionId, screens);
                }
            }
        }
        return Optional.of(screens.computeIfAbsent(file, f -> new WithinFileScreen(size(path))));
    }

    /**
     * The suspicious keys of the file, if this process screened every one of its partitions (these step
     * executions) from their first record; empty otherwise (a restarted partition, remote workers), and then
     * the store must be asked.
     */
    public Optional<Set<String>> suspiciousKeys(long jobExecutionId, InputFile file, List<Long> partitionExecutionIds) {
        WithinFileScreen screen = byJobExecution.getOrDefault(jobExecutionId, Map.of()).get(file);
        if (screen == null || !screen.complete(partitionExecutionIds)) {
            return Optional.empty();
        }
        return Optional.of(screen.suspiciousKeys());
    }

    /** Frees the job execution's screens (settle-ingest has used them). */
    public void forget(long jobExecutionId) {
        byJobExecution.remove(jobExecutionId);
    }

    private static long size(Path path) {
        try {
            return Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
