package com.retail.recon.ingest;

import com.retail.recon.domain.Currencies;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Typed access to one record's fields by column name. Each accessor applies the spec's type rule and
 * throws {@link RowRejected} naming the reason and the column; docs/conventions.md lists the rules.
 */
final class Row {

    /** The store keeps amounts with up to 18 digits before the point (DECIMAL(38,4) with room for sums). */
    private static final int MAX_AMOUNT_INTEGER_DIGITS = 18;

    private final CsvHeader header;
    private final String[] fields;
    private final Currencies currencies;

    Row(CsvHeader header, CsvRecord record, Currencies currencies) {
        this.header = header;
        this.fields = record.fields();
        this.currencies = currencies;
        if (fields.length < header.size()) {
            throw new RowRejected(RejectReason.TOO_FEW_FIELDS, header.nameAt(fields.length),
                    fields.length + " fields where the header has " + header.size());
        }
        // not RFC 4180, and where a second record swallowed into ignored fields would hide: no column to name
        if (fields.length > header.size()) {
            throw new RowRejected(RejectReason.TOO_MANY_FIELDS, "",
                    fields.length + " fields where the header has " + header.size());
        }
    }

    /** The value trimmed of invisible characters ({@link Trimming}), or null when nothing else is left. */
    String optionalText(String column) {
        String value = Trimming.trim(checkedText(column));
        return value.isEmpty() ? null : value;
    }

    String text(String column) {
        String value = optionalText(column);
        if (value == null) {
            throw new RowRejected(RejectReason.MISSING_VALUE, column, "a value is required");
        }
        return value;
    }

    /** Free text kept exactly as written (may be empty). */
    String freeText(String column) {
        return checkedText(column);
    }

    /** Any Unicode may occur, except NUL (U+0000), which a PostgreSQL store cannot keep in text. */
    private String checkedText(String column) {
        String value = fields[header.indexOf(column)];
        if (value.indexOf('\u0000') >= 0) {
            throw new RowRejected(RejectReason.BAD_TEXT, column, "holds a NUL character (U+0000)");
        }
        return value;
    }

    int positiveInt(String column) {
        return toPositiveInt(column, text(column));
    }

    Integer optionalPositiveInt(String column) {
        String value = optionalText(column);
        return value == null ? null : toPositiveInt(column, value);
    }

    /** One or more ASCII digits (leading zeros allowed), from 1 to 999,999,999. */
    private static int toPositiveInt(String column, String value) {
        int length = value.length();
        if (length == 0 || !isDigits(value, 0, length)) {
            throw new RowRejected(RejectReason.BAD_NUMBER, column, "'" + value + "' is not a whole number");
        }
        int start = 0;
        while (start < length - 1 && value.charAt(start) == '0') {
            start++;
        }
        if (length - start > 9) {
            throw new RowRejected(RejectReason.OUT_OF_RANGE, column, "'" + value + "' is too large");
        }
        int number = 0;
        for (int i = start; i < length; i++) {
            number = number * 10 + (value.charAt(i) - '0');
        }
        if (number < 1) {
            throw new RowRejected(RejectReason.OUT_OF_RANGE, column, "must be at least 1");
        }
        return number;
    }

    /** A non-negative plain decimal; its digits are checked against the currency later. */
    BigDecimal amount(String column) {
        String value = text(column);
        int point = plainDecimalPoint(value);
        if (point == NOT_PLAIN_DECIMAL) {
            throw new RowRejected(RejectReason.BAD_NUMBER, column, "'" + value + "' is not a plain decimal amount");
        }
        BigDecimal amount = toBigDecimal(value, point);
        if (value.charAt(0) == '-') {
            throw new RowRejected(RejectReason.OUT_OF_RANGE, column, "must not be negative");
        }
        if (amount.precision() - amount.scale() > MAX_AMOUNT_INTEGER_DIGITS) {
            throw new RowRejected(RejectReason.OUT_OF_RANGE, column, "'" + value + "' is too large");
        }
        return amount;
    }

    private static final int NOT_PLAIN_DECIMAL = -2;

    /**
     * For a plain decimal ({@code -?[0-9]+(\.[0-9]+)?}): the position of its point, or -1 when it has none.
     * NOT_PLAIN_DECIMAL for anything else.
     */
    private static int plainDecimalPoint(String value) {
        int length = value.length();
        int start = length > 0 && value.charAt(0) == '-' ? 1 : 0;
        int point = value.indexOf('.', start);
        int integerEnd = point < 0 ? length : point;
        if (integerEnd == start || !isDigits(value, start, integerEnd)) {
            return NOT_PLAIN_DECIMAL;
        }
        if (point >= 0 && (point == length - 1 || !isDigits(value, point + 1, length))) {
            return NOT_PLAIN_DECIMAL;
        }
        return point;
    }

    /**
     * The plain decimal's value, as {@code new BigDecimal(value)} gives it (same unscaled value and scale);
     * without parsing the text again when its digits fit in a long.
     */
    private static BigDecimal toBigDecimal(String value, int point) {
        int length = value.length();
        boolean negative = value.charAt(0) == '-';
        int digitCount = length - (negative ? 1 : 0) - (point < 0 ? 0 : 1);
        if (digitCount > 18) {
            return new BigDecimal(value);
        }
        long unscaled = 0;
        for (int i = negative ? 1 : 0; i < length; i++) {
            char c = value.charAt(i);
            if (c != '.') {
                unscaled = unscaled * 10 + (c - '0');
            }
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, point < 0 ? 0 : length - point - 1);
    }

    /** Whether value[from, to) is all ASCII digits. */
    private static boolean isDigits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    BigDecimal positiveAmount(String column) {
        BigDecimal amount = amount(column);
        if (amount.signum() == 0) {
            throw new RowRejected(RejectReason.OUT_OF_RANGE, column, "must be greater than zero");
        }
        return amount;
    }

    Instant instant(String column) {
        return toInstant(column, text(column));
    }

    Instant optionalInstant(String column) {
        String value = optionalText(column);
        return value == null ? null : toInstant(column, value);
    }

    /** ISO-8601 with an offset or Z; fractional seconds are dropped (ages are whole seconds). */
    private static Instant toInstant(String column, String value) {
        Instant common = IsoInstants.parse(value);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw new RowRejected(RejectReason.BAD_INSTANT, column,
                    "'" + value + "' is not an ISO-8601 instant with an offset");
        }
    }

    <E extends Enum<E>> E word(String column, Class<E> type) {
        return toWord(column, text(column), type);
    }

    /** Each enumeration's words by name, built once per enumeration (Class.getEnumConstants copies its array). */
    private static final ClassValue<Map<String, ?>> WORDS = new ClassValue<>() {
        @Override
        protected Map<String, ?> computeValue(Class<?> type) {
            Map<String, Object> byName = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name(), constant);
            }
            return Map.copyOf(byName);
        }
    };

    private static <E extends Enum<E>> E toWord(String column, String value, Class<E> type) {
        Object word = WORDS.get(type).get(value);
        if (word != null) {
            return type.cast(word);
        }
        throw new RowRejected(RejectReason.UNKNOWN_VALUE, column, "'" + value + "' is not an allowed value");
    }

    String currency(String column) {
        String value = text(column);
        if (!currencies.isKnown(value)) {
            throw new RowRejected(RejectReason.UNKNOWN_CURRENCY, column,
                    "'" + value + "' is not a configured currency");
        }
        return value;
    }

    void requireDigits(String column, BigDecimal amount, String currency) {
        if (Math.max(amount.scale(), 0) > currencies.digits(currency)) {
            throw new RowRejected(RejectReason.TOO_MANY_DECIMALS, column,
                    "more than " + currencies.digits(currency) + " decimals for " + currency);
        }
    }

    void requireWhen(boolean condition, String column, Object value, String when) {
        if (condition && value == null) {
            throw new RowRejected(RejectReason.MISSING_WHEN_REQUIRED, column, "required when " + when);
        }
    }
}
