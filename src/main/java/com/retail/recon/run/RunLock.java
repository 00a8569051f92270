package com.retail.recon.run;

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
class RunLock {

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

    /** org.h2.api.ErrorCode.LOCK_TIMEOUT_1, which H2 raises for NOWAIT on a held row. */
    private static final int H2_LOCK_TIMEOUT = 50200;

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
            if (isLockNotAvailable(e)) {
                throw new Busy(date);
            }
            // a dropped connection or a broken store is not another run: say what really happened
            throw new IllegalStateException("cannot take the run lock of " + date + ": " + e.getMessage(), e);
        }
        Connection held = connection;
        return () -> closeQuietly(held);
    }

    /** The lock is held by another transaction: PostgreSQL's lock_not_available, H2's lock timeout. */
    static boolean isLockNotAvailable(SQLException e) {
        return "55P03".equals(e.getSQLState()) || e.getErrorCode() == H2_LOCK_TIMEOUT;
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
