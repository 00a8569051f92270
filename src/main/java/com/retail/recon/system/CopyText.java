package com.retail.recon.system;

import java.math.BigDecimal;

/**
 * Rows in the text format of PostgreSQL's COPY, the cheapest of its formats for the server to read (no
 * quoting to undo): a tab between fields, a line feed after each row, {@code \N} for NULL, and backslash,
 * tab, line feed and carriage return escaped inside values. An empty string is an empty field. A field is
 * appended by its type, so that numbers and flags go in without boxing or a String of their own.
 */
public final class CopyText {

    private final StringBuilder text;
    private boolean inRow;

    public CopyText(int expectedChars) {
        this.text = new StringBuilder(expectedChars);
    }

    /** Text as it is (escaped where COPY needs it); null is NULL. */
    public CopyText field(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else {
            appendEscaped(value);
        }
        return this;
    }

    public CopyText field(long value) {
        separate();
        text.append(value);
        return this;
    }

    /** Written out in full ({@code 1E+3} is {@code 1000}); null is NULL. */
    public CopyText field(BigDecimal value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else {
            text.append(value.toPlainString());
        }
        return this;
    }

    public CopyText field(boolean value) {
        separate();
        text.append(value ? 't' : 'f');
        return this;
    }

    public CopyText nullField() {
        separate();
        text.append("\\N");
        return this;
    }

    public void endRow() {
        text.append('\n');
        inRow = false;
    }

    public CharSequence text() {
        return text;
    }

    private void separate() {
        if (inRow) {
            text.append('\t');
        }
        inRow = true;
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
