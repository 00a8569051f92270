package com.retail.recon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an inbox file into byte ranges that each start at a record boundary, so that several threads (or
 * machines) can ingest one file at once. One pass over the bytes follows the same quoting rules as
 * {@link RecordParser} ({@code "}, {@code ,} and line breaks are ASCII, so they never occur inside a UTF-8
 * sequence): a range starts only after a line break that ends a record, never inside a quoted field.
 * Where the quoting is broken the rest of the file stays in one range, so the range holding the first
 * problem reports it exactly as a single reader would.
 */
public final class FileRanges {

    /**
     * Bytes {@code [start, end)} of the file; {@code firstLine} is the physical line number (the header is
     * line 1) of the range's first byte. Range 0 starts at byte 0 and includes the header.
     */
    public record Range(int index, long start, long end, long firstLine) {

        public boolean holdsHeader() {
            return start == 0;
        }
    }


    private enum State { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE, AFTER_QUOTE_CR, BROKEN }

    private FileRanges() {
    }

    /**
     * At most {@code parts} ranges of about equal size covering the whole file, none (but the last) smaller
     * than {@code minBytes}: below that, splitting costs more than it saves.
     */
    public static List<Range> split(Path file, int parts, long minBytes) throws IOException {
        long size = Files.exists(file) ? Files.size(file) : 0;
        long bytesPerRange = Math.max(Math.max(1, minBytes), size / Math.max(1, parts));
        List<Range> ranges = new ArrayList<>();
        if (parts <= 1 || size <= bytesPerRange) {
            ranges.add(new Range(0, 0, size, 1));
            return ranges;
        }
        long start = 0;
        long startLine = 1;
        long nextCut = bytesPerRange;
        long position = 0;
        long line = 1;
        State state = State.FIELD_START;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            boolean first = true;
            while ((n = in.read(buffer)) > 0 && state != State.BROKEN) {
                int i = 0;
                if (first) {
                    first = false;
                    if (n >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                        i = 3; // byte-order mark: not part of the first field
                    }
                }
                for (; i < n && state != State.BROKEN; i++) {
                    byte b = buffer[i];
                    boolean recordEnd = false;
                    switch (state) {
                        case FIELD_START, UNQUOTED -> {
                            if (b == '\n') {
                                recordEnd = true;
                            } else if (b == ',') {
                                state = State.FIELD_START;
                            } else if (b == '"' && state == State.FIELD_START) {
                                state = State.QUOTED;
                            } else {
                                state = State.UNQUOTED;
                            }
                        }
                        case QUOTED -> {
                            if (b == '"') {
                                state = State.AFTER_QUOTE;
                            }
                        }
                        case AFTER_QUOTE -> {
                            if (b == '"') {
                                state = State.QUOTED;   // an escaped quote
                            } else if (b == ',') {
                                state = State.FIELD_START;
                            } else if (b == '\n') {
                                recordEnd = true;
                            } else if (b == '\r') {
                                state = State.AFTER_QUOTE_CR;
                            } else {
                                state = State.BROKEN;
                            }
                        }
                        case AFTER_QUOTE_CR -> {
                            if (b == '\n') {
                                recordEnd = true;
                            } else {
                                state = State.BROKEN;
                            }
                        }
                        default -> {
                        }
                    }
                    if (b == '\n') {
                        line++;
                    }
                    if (recordEnd) {
                        state = State.FIELD_START;
                        long next = position + i + 1;
                        if (next >= nextCut && next < size && ranges.size() < parts - 1) {
                            ranges.add(new Range(ranges.size(), start, next, startLine));
                            start = next;
                            startLine = line;
                            nextCut = next + bytesPerRange;
                        }
                    }
                }
                position += n;
            }
        }
        ranges.add(new Range(ranges.size(), start, size, startLine));
        return ranges;
    }
}
