package com.retail.recon.system;

/**
 * Keys a step's reader puts in the step's execution context to say how far it is (in any unit: bytes of a
 * file, orders, receipts), for the progress line's ETA.
 */
public final class Progress {

    public static final String DONE = "progress.done";
    public static final String TOTAL = "progress.total";

    private Progress() {
    }
}
