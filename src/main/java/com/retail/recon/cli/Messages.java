package com.retail.recon.cli;

import org.springframework.beans.factory.BeanCreationException;

import java.sql.SQLException;

/** Turns unexpected exceptions into one line a person can act on, and the spec's exit code. */
final class Messages {

    private Messages() {
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.contains("The file is locked") || message.contains("Database may be already in use")) {
            return "the embedded store is in use by another recon process (an H2 store serves one process at a "
                    + "time; use PostgreSQL to share a store): " + message;
        }
        if (isStoreProblem(e)) {
            return "the store " + storeUrl() + " cannot be used: " + message;
        }
        return message;
    }

    /**
     * The store URL the application resolved (command line, environment, a config file: wherever it came
     * from), recorded by {@link Store} once Spring Boot has prepared its environment.
     */
    private static volatile String storeUrlInUse;

    static void storeUrlInUse(String url) {
        storeUrlInUse = url;
    }

    /** The store URL in use as a person can be shown it: without any password in it. */
    static String storeUrl() {
        String url = storeUrlInUse;
        if (url == null || url.isBlank()) {
            return "(not configured)";
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    /** Configuration and store problems are exit 2; anything else failed the job (1). */
    static int exitCodeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BeanCreationException || t instanceof SQLException) {
                return ReconCommand.USAGE;
            }
        }
        return 1;
    }

    private static boolean isStoreProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
