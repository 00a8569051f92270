package com.retail.recon.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Strict RFC 4180 field splitting, fed one physical line at a time (a quoted field may span lines).
 * After a closing quote only a comma or the end of the line may follow: anything else means the file's
 * quoting is broken, and guessing where the record ends could merge rows, so it is a whole-file error.
 * A quote inside an unquoted field is kept as a character (unambiguous, and common in real exports).
 */
final class RecordParser {

    /** The line's quoting is broken; the message says how. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean inQuotes;
    private boolean fieldWasQuoted;

    /**
     * @param lineBreak the line break that ended the previous line, kept when a quoted field spans it
     * @return true when the record is complete, false while a quoted field is still open
     */
    boolean feed(String lineBreak, String line) {
        if (inQuotes) {
            field.append(lineBreak);
        }
        int length = line.length();
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            if (inQuotes) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < length && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    inQuotes = false;
                    if (i + 1 < length && line.charAt(i + 1) != ',') {
                        throw new Malformed("a quoted field is followed by '" + line.charAt(i + 1)
                                + "' instead of a comma or the end of the line");
                    }
                }
            } else if (c == ',') {
                endField();
            } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
                inQuotes = true;
                fieldWasQuoted = true;
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            return false;
        }
        endField();
        return true;
    }

    boolean isPending() {
        return inQuotes;
    }

    /** The completed record's fields; the parser is ready for the next record. */
    String[] take() {
        String[] record = fields.toArray(String[]::new);
        fields.clear();
        return record;
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
    }
}
