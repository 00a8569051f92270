package com.retail.recon.nightly;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction that only reads, on a connection of its own, for the cursors of a step that reads a night's
 * items from the store (they outlive the step's chunk transactions). On PostgreSQL the transaction finds
 * rows through the indexes only (no hash or merge joins): such a query's cost follows the night's items,
 * not the size of the history, where the planner may prefer reading a whole input table once a store is
 * large (and then does so once per partition, every night). Its sorts stay in memory, and no JIT
 * compilation or parallel workers are started for queries that run once.
 */
final class LookupTransaction implements AutoCloseable {

    private static final List<String> POSTGRES_SETTINGS = List.of("enable_hashjoin = off",
            "enable_mergejoin = off", "work_mem = '64MB'", "jit = off", "max_parallel_workers_per_gather = 0");

    private final Connection connection;
    private final List<Statement> statements = new ArrayList<>();

    private LookupTransaction(Connection connection) {
        this.connection = connection;
    }

    static LookupTransaction open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql")) {
                try (Statement settings = connection.createStatement()) {
                    for (String setting : POSTGRES_SETTINGS) {
                        settings.execute("SET LOCAL " + setting);
                    }
                }
            }
            return new LookupTransaction(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A forward-only cursor fetching {@code fetchSize} rows at a time; closed with the transaction. */
    ResultSet query(String sql, int fetchSize, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statements.add(statement);
        statement.setFetchSize(fetchSize);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement.executeQuery();
    }

    @Override
    public void close() throws SQLException {
        try {
            for (Statement statement : statements) {
                statement.close();
            }
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
