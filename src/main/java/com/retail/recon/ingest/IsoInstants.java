package com.retail.recon.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * A fast reader for the shapes of ISO-8601 instant that exports actually use:
 * {@code yyyy-MM-ddTHH:mm[:ss[.fffffffff]]} followed by {@code Z} or {@code ±HH:MM}, for example
 * {@code 2026-11-25T14:03:00Z}, {@code 2026-11-25T09:03:00-05:00} or {@code 2026-11-25T19:33:00.250+05:30}.
 * Fractional seconds are dropped (ages are whole seconds).
 *
 * <p>It only ever accepts what {@code OffsetDateTime.parse(value, ISO_OFFSET_DATE_TIME)} accepts, with the same
 * instant: for any other shape, and for an impossible value in this shape (February 30, 24:00, a 60th second,
 * an offset beyond ±18:00), it answers null and the caller asks the general formatter for its verdict. That
 * formatter costs more than the rest of a row, so rows in these shapes do without it.
 */
final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private IsoInstants() {
    }

    /** The instant, fractional seconds dropped; null when the value is not in the shapes above or impossible. */
    static Instant parse(String v) {
        int length = v.length();
        // yyyy-MM-ddTHH:mm is 16 characters, and an offset at least one more
        if (length < 17 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = 0;
        int i = 16;
        if (v.charAt(i) == ':') {
            if (length < i + 4) {
                return null;
            }
            second = digits(v, i + 1, i + 3);
            i += 3;
            if (v.charAt(i) == '.') {
                int fractionStart = ++i;
                while (i < length && isDigit(v.charAt(i))) {
                    i++;
                }
                int fractionDigits = i - fractionStart;
                if (fractionDigits < 1 || fractionDigits > 9 || i == length) {
                    return null;
                }
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int offsetSeconds = offsetSeconds(v, i);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long secondOfDay = hour * 3600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + secondOfDay - offsetSeconds);
    }

    /**
     * The offset {@code Z} or {@code ±HH:MM} that makes up the rest of v from {@code from}, in seconds east of
     * UTC; Integer.MIN_VALUE when the rest is anything else or the offset is beyond ±18:00.
     */
    private static int offsetSeconds(String v, int from) {
        int rest = v.length() - from;
        if (rest == 1 && v.charAt(from) == 'Z') {
            return 0;
        }
        char sign = v.charAt(from);
        if (rest != 6 || (sign != '+' && sign != '-') || v.charAt(from + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(v, from + 1, from + 3);
        int minutes = digits(v, from + 4, from + 6);
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        if (seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return sign == '-' ? -seconds : seconds;
    }

    /** The decimal number in v[from, to), or -1 if a character is not an ASCII digit. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
