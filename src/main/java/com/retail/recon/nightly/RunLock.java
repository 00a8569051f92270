package com.retail.recon.nightly;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * One run at a time per business date, across processes and machines sharing the store: the run holds a
 * row lock on its date (in a transaction of its own connection) until it ends. Works the same on H2 and
 * PostgreSQL; a killed process releases the lock with its connection.
 */
public class RunLock {

    /** Another process is running the date. */
    public static class Busy extends RuntimeException {
        Busy(LocalDate date) {
            super("another run of " + date + " is in progress; not starting a second one");
        }
    }

    /** The held lock; closing it releases the date. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Held acquire(LocalDate date) {
        ensureRow(date);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT business_date FROM run_lock WHERE business_date = ? FOR UPDATE NOWAIT")) {
                lock.setDate(1, Date.valueOf(date));
                lock.executeQuery().close();
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new Busy(date);
        }
        Connection held = connection;
        return () -> closeQuietly(held);
    }

    private void ensureRow(LocalDate date) {
        try {
            jdbc.update("INSERT INTO run_lock (business_date) SELECT ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM run_lock WHERE business_date = ?)", date, date);
        } catch (DataIntegrityViolationException raced) {
            // another process inserted it first: fine, the row exists
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException ignored) {
            // the lock goes with the connection
        }
    }
}
