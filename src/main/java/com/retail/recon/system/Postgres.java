package com.retail.recon.system;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/** What the store code does only on PostgreSQL: tell the store apart, and COPY for the bulk writes. */
public final class Postgres {

    private Postgres() {
    }

    /** Whether the store is PostgreSQL (rather than the embedded H2). */
    public static boolean is(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the store: " + e.getMessage(), e);
        }
    }

    /**
     * Sends {@code data} (in the format {@code copySql} names) on the current transaction's connection, so
     * that the chunk's rollback undoes it. As bytes: the driver would otherwise re-encode the text through a
     * char buffer.
     */
    public static void copyIn(DataSource dataSource, String copySql, String table, CharSequence data) {
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
