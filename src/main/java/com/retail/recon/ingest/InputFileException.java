package com.retail.recon.ingest;

/**
 * A problem with a whole input file (missing, missing column, not UTF-8, truncated): the run stops before
 * anything is written. The message names the file and line.
 */
public class InputFileException extends RuntimeException {

    private final String file;
    private final long line;

    public InputFileException(String file, long line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
