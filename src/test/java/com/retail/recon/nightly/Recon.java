package com.retail.recon.nightly;

import com.retail.recon.cli.ReconCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the recon command line in this JVM, as a user would, against a test store; keeps what it printed. */
public final class Recon {

    public record Outcome(int exitCode, String out, String err) {
    }

    private Recon() {
    }

    public static Outcome run(TestStore store, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(store.springArguments());
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int exit = ReconCommand.execute(all.toArray(String[]::new));
            return new Outcome(exit, capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            out.print(capturedOut.toString(StandardCharsets.UTF_8));
            err.print(capturedErr.toString(StandardCharsets.UTF_8));
        }
    }
}
