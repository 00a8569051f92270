package com.retail.recon.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast instant reader accepts only what java.time's ISO_OFFSET_DATE_TIME accepts, with the same instant,
 * and leaves every other shape and every impossible value to it (null).
 */
class IsoInstantsTests {

    /** What Row did before the fast reader, and still does when it answers null: null when rejected. */
    private static Instant javaTime(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2026-11-25T14:03:00Z,           2026-11-25T14:03:00Z",
            "2026-11-25T09:03:00-05:00,      2026-11-25T14:03:00Z",
            "2026-11-25T19:33:00+05:30,      2026-11-25T14:03:00Z",
            "2026-11-25T14:03:00+00:00,      2026-11-25T14:03:00Z",
            "2026-11-25T14:03:00-00:00,      2026-11-25T14:03:00Z",
            "2026-11-25T14:03Z,              2026-11-25T14:03:00Z",
            "2026-11-25T09:03-05:00,         2026-11-25T14:03:00Z",
            "2026-11-25T14:03:00.9Z,         2026-11-25T14:03:00Z",
            "2026-11-25T14:03:00.999999999Z, 2026-11-25T14:03:00Z",
            "2026-11-25T09:03:59.5-05:00,    2026-11-25T14:03:59Z",
            "2026-11-30T23:30:00-05:00,      2026-12-01T04:30:00Z",
            "2026-01-01T00:30:00+01:00,      2025-12-31T23:30:00Z",
            "2026-11-25T14:03:00+18:00,      2026-11-24T20:03:00Z",
            "2026-11-25T14:03:00-18:00,      2026-11-26T08:03:00Z",
            "2024-02-29T12:00:00Z,           2024-02-29T12:00:00Z",
            "2000-02-29T12:00:00Z,           2000-02-29T12:00:00Z",
            "1969-12-31T23:59:59.5Z,         1969-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z,           0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z,           9999-12-31T23:59:59Z",
    })
    void readsTheCommonShapes(String value, Instant expected) {
        assertThat(IsoInstants.parse(value)).isEqualTo(expected);
        assertThat(javaTime(value)).as("java.time agrees").isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-02-30T10:00:00Z", "2026-02-29T10:00:00Z", "1900-02-29T10:00:00Z", "2026-04-31T10:00:00Z",
            "2026-13-01T10:00:00Z", "2026-00-01T10:00:00Z", "2026-11-00T10:00:00Z", "2026-11-32T10:00:00Z",
            "2026-11-20T24:00:00Z", "2026-11-20T24:00Z", "2026-11-20T23:60:00Z", "2026-11-20T23:59:60Z",
            "2016-12-31T23:59:60Z", "2026-11-20T10:00:00+18:01", "2026-11-20T10:00:00-19:00",
            "2026-11-20T10:00:00+05:60", "2026-11-20T10:00:00+24:00",
    })
    void leavesImpossibleValuesToJavaTime_whichRejectsThem(String value) {
        assertThat(IsoInstants.parse(value)).isNull();
        assertThat(javaTime(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // shapes java.time also accepts, that exports do not use: its verdict is kept
            "2026-11-20t10:00:00z", "2026-11-20T10:00:00z", "2026-11-20T10:00:00+05", "2026-11-20T10:00:00+05:30:15",
            "2026-11-20T10:00:00.Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
            // shapes java.time rejects
            "2026-11-20T10:00:00", "2026-11-20 10:00:00Z", "2026-11-20T10:00:00.1234567891Z", "2026-11-20T10:00:00,5Z",
            "2026-11-20T10:00:00Z[UTC]", "2026-11-20T10:00:00+0530", "2026-11-20T10:00:00+5", "2026-11-20T1:00:00Z",
            "2026-11-20T10:0:00Z", "2026-11-20T10:00:0Z", "2026-1-20T10:00:00Z", "26-11-20T10:00:00Z",
            "2026-11-20T10:00:00ZZ", "2026-11-20T10:00:00+05:30Z", "2026-11-20T10:00:00UTC", "2026-11-20",
            "2026-11-20T10:00", "2026-11-20T10:00:", "2026-11-20T10:00:00.", "", "Z",
            "\u0662026-11-20T10:00:00Z", "2026-11-20T10:00:00-05:\u0663\u0660", " 2026-11-20T10:00:00Z",
    })
    void leavesOtherShapesToJavaTime(String value) {
        assertThat(IsoInstants.parse(value)).isNull();
    }

    private static String pick(Random random, String[] pieces) {
        return pieces[random.nextInt(pieces.length)];
    }

    /**
     * Many values built from valid and invalid pieces: whenever the fast reader answers, java.time gives the
     * same instant; and it answers for every value in its shapes that java.time accepts.
     */
    @Test
    void agreesWithJavaTime() {
        Pattern fastShape = Pattern.compile(
                "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})");
        String[] years = {"2026", "2024", "2000", "1900", "0000", "9999", "1970", "+2026", "-0001", "202", "20266"};
        String[] months = {"01", "02", "04", "12", "00", "13", "1", "1a"};
        String[] days = {"01", "28", "29", "30", "31", "32", "00", "9"};
        String[] separators = {"T", "t", " "};
        String[] times = {"00:00", "23:59", "24:00", "12:60", "7:00", "12:5", "1x:00"};
        String[] seconds = {"", ":00", ":59", ":60", ":5", ":"};
        String[] fractions = {"", ".", ".1", ".123456789", ".1234567890", ".x", ",5"};
        String[] offsets = {"Z", "z", "+00:00", "-00:00", "-05:00", "+05:30", "+14:00", "+18:00", "-18:00",
                "+18:01", "-18:30", "+05:60", "+24:00", "+05", "+0530", "+05:30:00", "+5", "", "[UTC]", "+05:3"};
        List<String> values = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            String s = pick(random, seconds);
            values.add(pick(random, years) + "-" + pick(random, months) + "-" + pick(random, days)
                    + pick(random, separators) + pick(random, times) + s + (s.isEmpty() ? "" : pick(random, fractions))
                    + pick(random, offsets));
        }
        for (int i = 0; i < 30_000; i++) {
            values.add(String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61),
                    random.nextBoolean() ? "" : "." + random.nextInt(1_000_000),
                    random.nextBoolean() ? "Z" : String.format("%c%02d:%02d", random.nextBoolean() ? '+' : '-',
                            random.nextInt(20), random.nextInt(61))));
        }
        int answered = 0;
        for (String value : values) {
            Instant fast = IsoInstants.parse(value);
            Instant expected = javaTime(value);
            if (fast != null) {
                answered++;
                assertThat(fast).as(value).isEqualTo(expected);
            } else if (expected != null && fastShape.matcher(value).matches()) {
                throw new AssertionError(value + " is in the fast shapes and valid, but was not read");
            }
        }
        assertThat(answered).as("the fast reader answered for many values").isGreaterThan(3_000);
    }
}
