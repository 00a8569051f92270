package com.retail.recon.system;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The database behind the store, told apart once at start-up (PostgreSQL or the embedded H2), and what the
 * store code does differently on it: bulk writes (COPY on PostgreSQL, batched INSERTs on H2), commits that do
 * not wait for the disk, and statistics for the planner. Everything here runs on the current transaction's
 * connection, so a chunk's rollback undoes it.
 * <p>
 * Made from the data source alone, not from a JdbcTemplate: Flyway's placeholders need it before the store
 * is migrated, and Spring Boot makes every JdbcTemplate wait for the migration.
 */
@Component
public class Database {

    /** Below this many rows the planner's guesses are as good as statistics. */
    private static final long ROWS_WORTH_ANALYZING = 1_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = isPostgres(dataSource);
    }

    /**
     * Decided by the database itself, not by the URL's spelling (a wrapping driver such as p6spy has a
     * jdbc:p6spy:postgresql: URL).
     */
    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the store: " + e.getMessage(), e);
        }
    }

    /** Whether the store is PostgreSQL (COPY, statistics, session settings) rather than H2. */
    public boolean isPostgres() {
        return postgres;
    }

    /** Writes one business date's rows to the table, in the current transaction. */
    public <T> void write(BulkTable<T> table, LocalDate businessDate, List<? extends T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres) {
            copyIn(table.copy(), table.name(), table.copyText(businessDate, rows).text());
        } else {
            jdbc.batchUpdate(table.insert(), new ArrayList<>(rows), rows.size(),
                    (statement, row) -> table.bind(businessDate, row, statement));
        }
    }

    /**
     * On PostgreSQL, lets the current transaction commit without waiting for its WAL to reach the disk. Only
     * for a chunk whose rows and step checkpoint commit together: a server crash can then lose only both (the
     * last fraction of a second of chunks), and the restart does that work again. The steps that end a run
     * commit durably as usual, which also flushes everything committed before them.
     */
    public void commitWithoutWaitingForDisk() {
        if (postgres) {
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        }
    }

    /**
     * On PostgreSQL, for the rest of the current transaction: the planner reads through an index wherever one
     * serves the query (no hash or merge joins, no scan of a whole table), whatever its estimates. For the
     * night's queries that look rows up by date and key: their cost then follows the rows asked for, never the
     * size of a table that grows every night, even where the statistics are stale (a table autovacuum has not
     * analyzed yet planned a quadratic merge join in the cases step). H2 always joins through its indexes.
     */
    public void indexLookupsOnly() {
        if (postgres) {
            for (String setting : List.of("enable_hashjoin", "enable_mergejoin", "enable_seqscan")) {
                jdbc.execute("SET LOCAL " + setting + " = off");
            }
        }
    }

    /**
     * On PostgreSQL, after {@code rows} rows were written to the table (at least 1,000): the planner learns
     * their size now, not when autovacuum analyzes later. ANALYZE samples a bounded number of rows: cheap at
     * any size.
     *
     * @param table the table, with the columns to analyze in parentheses where only some matter
     */
    public void analyze(String table, long rows) {
        if (postgres && rows >= ROWS_WORTH_ANALYZING) {
            jdbc.execute("ANALYZE " + table);
        }
    }

    /**
     * COPY ... FROM STDIN on the current transaction's connection. As bytes: the driver would otherwise
     * re-encode the text through a char buffer.
     */
    private void copyIn(String copySql, String table, CharSequence data) {
        byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new ByteArrayInputStream(bytes),
                    bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
