package com.retail.recon.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs recon in a separate JVM (the real main class), so that a test can kill it or run two at once. */
public final class SeparateJvm {

    private SeparateJvm() {
    }

    public static Process start(TestStore store, Path log, String... args) throws IOException {
        return start(store, log, null, args);
    }

    /** As {@link #start(TestStore, Path, String...)}, in a working directory (null: this one). */
    public static Process start(TestStore store, Path log, Path directory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "com.retail.recon.ReconApplication"));
        command.addAll(List.of(args));
        command.addAll(store.springArguments());
        return new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    public static int run(TestStore store, Path log, String... args) throws IOException, InterruptedException {
        return run(store, log, null, args);
    }

    public static int run(TestStore store, Path log, Path directory, String... args)
            throws IOException, InterruptedException {
        Process process = start(store, log, directory, args);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("recon did not finish in 120 s: " + String.join(" ", args));
        }
        return process.exitValue();
    }
}
