package com.retail.recon.system;

/** The settings that count threads or partitions say 0 for "one per processor core". */
public final class Cores {

    private Cores() {
    }

    /** {@code configured} when positive, else the number of processor cores. */
    public static int orOnePerCore(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }
}
