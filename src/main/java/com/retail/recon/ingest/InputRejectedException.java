package com.retail.recon.ingest;

/** More rows of a file were rejected than the configured share allows: the run stops (exit 3). */
class InputRejectedException extends RuntimeException {

    public InputRejectedException(String message) {
        super(message);
    }
}
