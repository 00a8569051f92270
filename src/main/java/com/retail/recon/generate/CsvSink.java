package com.retail.recon.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One generated CSV file: RFC 4180, UTF-8 without byte-order mark, LF line endings. A row is built in
 * {@link #row()} with the append helpers and ended with {@link #endRow}; it then goes to a large
 * {@link BufferedWriter} without creating a String. A discarding sink formats rows the same way and drops
 * them (the day after the last generated day), so that what is generated never depends on where it goes.
 */
final class CsvSink implements Closeable {

    private static final int BUFFER_CHARS = 1 << 20;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Writer out;
    private final StringBuilder row = new StringBuilder(512);
    private char[] chars = new char[512];
    private long rows;
    private long defectiveRows;

    private CsvSink(Writer out) {
        this.out = out;
    }

    static CsvSink create(Path file, String header) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                    StandardCharsets.UTF_8), BUFFER_CHARS);
            writer.write(header);
            writer.write('\n');
            return new CsvSink(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static CsvSink discard() {
        return new CsvSink(null);
    }

    /** The row being built (empty at the start of each row). */
    StringBuilder row() {
        return row;
    }

    /**
     * Ends the row being built.
     *
     * @param defective the row carries a planned defect (it will be rejected)
     * @param twice     write it a second time (a DUPLICATE_KEY defect: the copy is the rejected row)
     */
    void endRow(boolean defective, boolean twice) {
        row.append('\n');
        int length = row.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        row.getChars(0, length, chars, 0);
        row.setLength(0);
        write(length);
        rows++;
        if (twice) {
            write(length);
            rows++;
        }
        if (defective || twice) {
            defectiveRows++;
        }
    }

    private void write(int length) {
        if (out == null) {
            return;
        }
        try {
            out.write(chars, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records written (the header excluded). */
    long rows() {
        return rows;
    }

    /** Records written with a planned defect (each is rejected when ingested). */
    long defectiveRows() {
        return defectiveRows;
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- formatting, without java.time or String.format on the hot path ---

    /**
     * An instant as ISO-8601 to the second: {@code 2026-11-25T14:03:00Z}, or local time with the offset
     * ({@code 2026-11-25T15:03:00+01:00}) when offsetMinutes is not zero.
     */
    static void appendInstant(StringBuilder b, long epochSecond, int offsetMinutes) {
        appendLocal(b, epochSecond + offsetMinutes * 60L, 'T');
        if (offsetMinutes == 0) {
            b.append('Z');
        } else {
            int abs = Math.abs(offsetMinutes);
            b.append(offsetMinutes < 0 ? '-' : '+');
            appendTwo(b, abs / 60);
            b.append(':');
            appendTwo(b, abs % 60);
        }
    }

    /** Date and time without an offset, e.g. {@code 2026-11-25T14:03:00} (separator 'T' or ' '). */
    static void appendLocal(StringBuilder b, long localSecond, char separator) {
        long days = Math.floorDiv(localSecond, 86_400L);
        int seconds = (int) Math.floorMod(localSecond, 86_400L);
        // days since 1970-01-01 to a civil date (H. Hinnant's algorithm, proleptic Gregorian)
        long z = days + 719_468;
        long era = (z >= 0 ? z : z - 146_096) / 146_097;
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long year = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (month <= 2) {
            year++;
        }
        appendFour(b, (int) year);
        b.append('-');
        appendTwo(b, month);
        b.append('-');
        appendTwo(b, day);
        b.append(separator);
        appendTwo(b, seconds / 3600);
        b.append(':');
        appendTwo(b, seconds / 60 % 60);
        b.append(':');
        appendTwo(b, seconds % 60);
    }

    /** An amount given in minor units, with exactly {@code digits} decimals (0 or 2). */
    static void appendAmount(StringBuilder b, long minor, int digits) {
        if (digits == 0) {
            b.append(minor);
            return;
        }
        long unit = digits == 2 ? 100 : pow10(digits);
        b.append(minor / unit).append('.');
        appendPadded(b, minor % unit, digits);
    }

    static void appendPadded(StringBuilder b, long value, int width) {
        int length = 1;
        for (long limit = 10; length < width && value >= limit; limit *= 10) {
            length++;
        }
        for (int i = length; i < width; i++) {
            b.append('0');
        }
        b.append(value);
    }

    static void appendHex(StringBuilder b, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            b.append(HEX[(int) (value >>> shift) & 0xF]);
        }
    }

    /** A field with RFC 4180 minimal quoting: quoted only when it holds a comma, a quote, CR or LF. */
    static String quoted(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void appendTwo(StringBuilder b, int value) {
        b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void appendFour(StringBuilder b, int value) {
        if (value < 1000) {
            appendPadded(b, value, 4);
        } else {
            b.append(value);
        }
    }

    private static long pow10(int digits) {
        long p = 1;
        for (int i = 0; i < digits; i++) {
            p *= 10;
        }
        return p;
    }
}
