package com.retail.recon.system;

import java.math.BigDecimal;

/**
 * Rows in the text format of PostgreSQL's COPY, the cheapest of its formats for the server to read (no
 * quoting to undo): a tab between fields, a line feed after each row, {@code \N} for NULL, and backslash,
 * tab, line feed and carriage return escaped inside values. An empty string is an empty field.
 */
public final class CopyText {

    private final StringBuilder text;
    private boolean inRow;

    public CopyText(int expectedChars) {
        this.text = new StringBuilder(expectedChars);
    }

    /** Appends the next field of the current row: text, a number, a date ({@code 2026-11-20}), a flag. */
    public CopyText field(Object value) {
        if (inRow) {
            text.append('\t');
        }
        inRow = true;
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            appendEscaped(s);
        } else if (value instanceof BigDecimal amount) {
            text.append(amount.toPlainString());
        } else if (value instanceof Long number) {
            text.append(number.longValue());
        } else if (value instanceof Integer number) {
            text.append(number.intValue());
        } else if (value instanceof Boolean flag) {
            text.append(flag ? 't' : 'f');
        } else {
            text.append(value);
        }
        return this;
    }

    public void endRow() {
        text.append('\n');
        inRow = false;
    }

    public CharSequence text() {
        return text;
    }

    private void appendEscaped(String s) {
        int plain = 0;
        while (plain < s.length() && !special(s.charAt(plain))) {
            plain++;
        }
        if (plain == s.length()) {
            text.append(s);
            return;
        }
        text.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }
}
