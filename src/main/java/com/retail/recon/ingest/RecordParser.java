package com.retail.recon.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Strict RFC 4180 field splitting, fed one physical line at a time (a quoted field may span lines).
 * After a closing quote only a comma or the end of the line may follow: anything else means the file's
 * quoting is broken, and guessing where the record ends could merge rows, so it is a whole-file error.
 * So is a CR outside quotes that does not end a CRLF (the line handed here has lost that one): other readers
 * take it for a line end, and kept as a character it once hid a whole record inside an ignored field. Inside
 * quotes a CR is data. A quote inside an unquoted field is kept as a character (unambiguous, and common in
 * real exports).
 * An unquoted field (by far the most common) is taken as a substring of the line; only a quoted field is
 * copied character by character, to undo its doubled quotes.
 */
final class RecordParser {

    static final String BARE_CR = "a carriage return (CR) outside quotes that does not end a CRLF line ending; "
            + "recon reads CRLF or LF line endings only";

    /** The line's quoting is broken; the message says how. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> fields = new ArrayList<>();
    /** The text of the quoted field being read. */
    private final StringBuilder quoted = new StringBuilder();
    private boolean inQuotes;

    /**
     * @param lineBreak the line break that ended the previous line, kept when a quoted field spans it
     * @return true when the record is complete, false while a quoted field is still open
     */
    boolean feed(String lineBreak, String line) {
        int length = line.length();
        int i = 0;
        // the next CR at or after i, or -1: almost every line has none, and then costs one scan
        int cr = line.indexOf('\r');
        if (inQuotes) {
            quoted.append(lineBreak);
            i = endOfQuoted(line, 0);
            if (i < 0) {
                return false;
            }
            if (i == length) {
                return true;
            }
            i++; // the comma after the closing quote
        }
        while (true) {
            if (cr >= 0 && cr < i) {
                cr = line.indexOf('\r', i);
            }
            if (i < length && line.charAt(i) == '"') {
                inQuotes = true;
                i = endOfQuoted(line, i + 1);
                if (i < 0) {
                    return false;
                }
                if (i == length) {
                    return true;
                }
                i++;
            } else {
                int comma = line.indexOf(',', i);
                if (cr >= 0 && (comma < 0 || cr < comma)) {
                    throw new Malformed(BARE_CR);
                }
                if (comma < 0) {
                    fields.add(line.substring(i));
                    return true;
                }
                fields.add(line.substring(i, comma));
                i = comma + 1;
            }
        }
    }

    /**
     * Reads a quoted field's text from {@code from} (just after the opening quote, or the start of a
     * continuation line). When the closing quote is found, the field is complete: returns the position after
     * it, which is a comma or the end of the line. Returns -1 when the line ends inside the quotes.
     */
    private int endOfQuoted(String line, int from) {
        int length = line.length();
        for (int i = from; i < length; i++) {
            char c = line.charAt(i);
            if (c != '"') {
                quoted.append(c);
            } else if (i + 1 < length && line.charAt(i + 1) == '"') {
                quoted.append('"');
                i++;
            } else {
                inQuotes = false;
                if (i + 1 < length && line.charAt(i + 1) == '\r') {
                    throw new Malformed("a quoted field is followed by a carriage return (CR) that does not end a "
                            + "CRLF line ending; recon reads CRLF or LF line endings only");
                }
                if (i + 1 < length && line.charAt(i + 1) != ',') {
                    throw new Malformed("a quoted field is followed by '" + line.charAt(i + 1)
                            + "' instead of a comma or the end of the line");
                }
                fields.add(quoted.toString());
                quoted.setLength(0);
                return i + 1;
            }
        }
        return -1;
    }

    /** The completed record's fields; the parser is ready for the next record. */
    String[] take() {
        String[] record = fields.toArray(new String[0]);
        fields.clear();
        return record;
    }
}
