package com.retail.recon.system;

import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BulkTableTests {

    private static final LocalDate D = LocalDate.of(2026, 11, 20);

    private record Sample(String text, int count, Integer optional, long big, Instant at, BigDecimal amount,
                          boolean flag) {
    }

    private static final BulkTable<Sample> SAMPLES = BulkTable.<Sample>named("sample")
            .text("text", Sample::text)
            .integer("count", Sample::count)
            .optionalInteger("optional", Sample::optional)
            .bigint("big", Sample::big)
            .epochSeconds("at", Sample::at)
            .decimal("amount", Sample::amount)
            .flag("flag", Sample::flag);

    private static final List<Sample> ROWS = List.of(
            new Sample("a\tb\\N\r\n\"c\"", 3, 7, 9_000_000_000L, Instant.parse("2026-11-20T10:00:00Z"),
                    new BigDecimal("10.50"), true),
            new Sample(null, 0, null, -1, null, null, false),
            new Sample("", 1, 1, 1, Instant.EPOCH, new BigDecimal("1200"), false));

    @Test
    void theStatements_listTheColumnsInTheOrderOfTheDescription_businessDateFirst() {
        assertThat(SAMPLES.columnNames())
                .containsExactly("business_date", "text", "count", "optional", "big", "at", "amount", "flag");
        assertThat(SAMPLES.insert()).isEqualTo("INSERT INTO sample (business_date, text, count, optional, big, at, "
                + "amount, flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        assertThat(SAMPLES.copy())
                .isEqualTo("COPY sample (business_date, text, count, optional, big, at, amount, flag) FROM STDIN");
    }

    @Test
    void theCopyText_holdsEachRowsValuesInTheSameOrder_nullAsBackslashN() {
        assertThat(SAMPLES.copyText(D, ROWS).text().toString()).isEqualTo("""
                2026-11-20\ta\\tb\\\\N\\r\\n"c"\t3\t7\t9000000000\t1795168800\t10.50\tt
                2026-11-20\t\\N\t0\t\\N\t-1\t\\N\t\\N\tf
                2026-11-20\t\t1\t1\t1\t0\t1200\tf
                """);
    }

    @Test
    void theEmbeddedStore_getsTheRowsAsDescribed_throughBatchedInserts() {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:bulk-table;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_DELAY=-1", "sa", "");

        assertThat(writtenAndReadBack(h2)).isEqualTo(expectedRows());
    }

    @Test
    void postgresql_getsTheSameRows_throughCopy() {
        TestStore store = TestStore.postgres();
        DataSource postgres = new DriverManagerDataSource(store.url(), store.user(), "");

        assertThat(writtenAndReadBack(postgres)).isEqualTo(expectedRows());
    }

    private static List<Map<String, Object>> writtenAndReadBack(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE sample (business_date DATE NOT NULL, text VARCHAR(100), count INTEGER NOT NULL, "
                + "optional INTEGER, big BIGINT NOT NULL, at BIGINT, amount DECIMAL(20, 4), flag BOOLEAN NOT NULL)");
        new Database(dataSource).write(SAMPLES, D, ROWS);
        return jdbc.query("SELECT business_date, text, count, optional, big, at, amount, flag FROM sample "
                + "ORDER BY count DESC", (rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("business_date", rs.getObject(1, LocalDate.class));
                    row.put("text", rs.getString(2));
                    row.put("count", rs.getInt(3));
                    row.put("optional", rs.getObject(4, Integer.class));
                    row.put("big", rs.getLong(5));
                    row.put("at", rs.getObject(6, Long.class));
                    row.put("amount", rs.getBigDecimal(7) == null ? null : rs.getBigDecimal(7).stripTrailingZeros());
                    row.put("flag", rs.getBoolean(8));
                    return row;
                });
    }

    private static List<Map<String, Object>> expectedRows() {
        return ROWS.stream().sorted((a, b) -> Integer.compare(b.count(), a.count())).map(sample -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("business_date", D);
            row.put("text", sample.text());
            row.put("count", sample.count());
            row.put("optional", sample.optional());
            row.put("big", sample.big());
            row.put("at", sample.at() == null ? null : sample.at().getEpochSecond());
            row.put("amount", sample.amount() == null ? null : sample.amount().stripTrailingZeros());
            row.put("flag", sample.flag());
            return row;
        }).toList();
    }
}
