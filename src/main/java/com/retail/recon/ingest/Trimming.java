package com.retail.recon.ingest;

/**
 * Trims input values and header names at both ends of what cannot be seen: white space (any Unicode space
 * separator, line or paragraph separator, and the controls, tab and NEL among them), format characters (BOM
 * U+FEFF, zero-width space U+200B, ZWNJ/ZWJ, word joiner U+2060, soft hyphen, bidi marks, tags, ...) and the
 * other default-ignorable code points (variation selectors, Hangul fillers, ...). A value made only of them
 * is empty. Characters inside a value are kept.
 */
final class Trimming {

    private Trimming() {
    }

    static String trim(String value) {
        int length = value.length();
        if (length == 0) {
            return value;
        }
        // the common case costs what String.trim did: both ends are printable ASCII
        char first = value.charAt(0);
        char last = value.charAt(length - 1);
        if (first > ' ' && first < 0x7F && last > ' ' && last < 0x7F) {
            return value;
        }
        int start = 0;
        while (start < length) {
            int c = value.codePointAt(start);
            if (!isInvisible(c)) {
                break;
            }
            start += Character.charCount(c);
        }
        int end = length;
        while (end > start) {
            int c = value.codePointBefore(end);
            if (!isInvisible(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return start == 0 && end == length ? value : value.substring(start, end);
    }

    /** Unicode White_Space, Cc, Cf and Default_Ignorable_Code_Point (Unicode 15's lists). */
    static boolean isInvisible(int c) {
        if (c <= ' ') {
            return true;
        }
        if (c < 0x7F) {
            return false;
        }
        switch (Character.getType(c)) {
            case Character.CONTROL, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.FORMAT:
                return true;
            default:
                break;
        }
        // default-ignorable code points of other categories (combining marks, letters, unassigned)
        return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                || (c >= 0x180B && c <= 0x180F) || c == 0x2065 || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0xE0000 && c <= 0xE0FFF);
    }
}
