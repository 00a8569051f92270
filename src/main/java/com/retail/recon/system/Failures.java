package com.retail.recon.system;

/** What a person is shown of a failure: the message of its root cause, where the real reason usually is. */
public final class Failures {

    private Failures() {
    }

    /** The innermost cause's message, or its type's name when it has none. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
