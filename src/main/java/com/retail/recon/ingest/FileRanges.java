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
 * Where the quoting is broken, or a CR outside quotes does not end a CRLF, the rest of the file stays in one
 * range, so the range holding the first problem reports it exactly as a single reader would.
 */
final class FileRanges {

    /**
     * Bytes {@code [start, end)} of the file; {@code firstLine} is the physical line number (the header is
     * line 1) of the range's first byte. Range 0 starts at byte 0 and includes the header.
     */
    public record Range(int index, long start, long end, long firstLine) {

        public boolean holdsHeader() {
            return start == 0;
        }
    }


    // Scanner states: between fields or in an unquoted field, in a quoted field, just after a quote that may
    // close a quoted field, after a CR outside quotes (which must end a CRLF), and a file the parser will reject.
    private static final int PLAIN = 0;
    private static final int QUOTED = 1;
    private static final int AFTER_QUOTE = 2;
    private static final int AFTER_CR = 3;
    private static final int BROKEN = 4;

    private FileRanges() {
    }

    /**
     * At most {@code parts} ranges of about equal size covering the whole file, none (but the last) smaller
     * than {@code minBytes}: below that, splitting costs more than it saves. The scan stops at the last
     * cut: the rest of the file is the last range, whatever it holds.
     */
    public static List<Range> split(Path file, int parts, long minBytes) throws IOException {
        long size = Files.exists(InboxPaths.requireRegularFile(file)) ? Files.size(file) : 0;
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
        int state = PLAIN;
        // PLAIN only: whether the last byte ended a field or record (or the file began), so that a quote
        // here opens a quoted field; elsewhere in an unquoted field a quote is an ordinary character.
        boolean atFieldStart = true;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            boolean first = true;
            while (state != BROKEN && ranges.size() < parts - 1 && (n = in.read(buffer)) > 0) {
                int i = 0;
                if (first) {
                    first = false;
                    if (n >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                        i = 3; // byte-order mark: not part of the first field
                    }
                }
                while (i < n) {
                    byte b = buffer[i++];
                    boolean recordEnd = false;
                    if (b == '\n') {
                        line++;
                    }
                    if (state == PLAIN) {
                        // the common case: run over the bytes of unquoted fields
                        while (b != '\n' && b != ',' && b != '"' && b != '\r' && i < n) {
                            atFieldStart = false;
                            b = buffer[i++];
                            if (b == '\n') {
                                line++;
                            }
                        }
                        if (b == '\n') {
                            recordEnd = true;
                        } else if (b == ',') {
                            atFieldStart = true;
                        } else if (b == '"' && atFieldStart) {
                            state = QUOTED;
                        } else if (b == '\r') {
                            state = AFTER_CR;
                        } else {
                            atFieldStart = false;
                        }
                    } else if (state == QUOTED) {
                        while (b != '"' && i < n) {
                            b = buffer[i++];
                            if (b == '\n') {
                                line++;
                            }
                        }
                        if (b == '"') {
                            state = AFTER_QUOTE;
                        }
                    } else if (state == AFTER_QUOTE) {
                        if (b == '"') {
                            state = QUOTED;   // an escaped quote
                        } else if (b == ',') {
                            state = PLAIN;
                            atFieldStart = true;
                        } else if (b == '\n') {
                            recordEnd = true;
                        } else if (b == '\r') {
                            state = AFTER_CR;
                        } else {
                            state = BROKEN;
                            break;
                        }
                    } else if (state == AFTER_CR) {
                        if (b == '\n') {
                            recordEnd = true;
                        } else {
                            state = BROKEN;
                            break;
                        }
                    }
                    if (recordEnd) {
                        state = PLAIN;
                        atFieldStart = true;
                        long next = position + i;
                        if (next >= nextCut && next < size) {
                            ranges.add(new Range(ranges.size(), start, next, startLine));
                            start = next;
                            startLine = line;
                            nextCut = next + bytesPerRange;
                            if (ranges.size() == parts - 1) {
                                break;
                            }
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
