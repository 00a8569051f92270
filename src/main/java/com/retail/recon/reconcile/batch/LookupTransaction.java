package com.retail.recon.reconcile.batch;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction that only reads, on a connection of its own, for the cursors of a step that reads a night's
 * items from the store (they outlive the step's chunk transactions). On PostgreSQL its sorts stay in memory,
 * and no JIT compilation or parallel workers are started for queries that run once. When the items are
 * looked up by key, the transaction can also keep to the indexes (no hash or merge joins): the query's cost
 * then follows the night's items, not the size of the history, where the planner may prefer reading a whole
 * input table once a store is large (and then does so once per partition, every night).
 */
final class LookupTransaction implements AutoCloseable {

    private static final List<String> POSTGRES_SETTINGS = List.of("work_mem = '64MB'", "jit = off",
            "max_parallel_workers_per_gather = 0");
    /** Where an index serves the query it is used, even when the estimates say a whole table is cheaper. */
    private static final List<String> INDEX_LOOKUPS_ONLY = List.of("enable_hashjoin = off", "enable_mergejoin = off",
            "enable_seqscan = off");

    private final Connection connection;
    private final List<Statement> statements = new ArrayList<>();

    private LookupTransaction(Connection connection) {
        this.connection = connection;
    }

    /**
     * @param postgres         whether the store is PostgreSQL ({@link com.retail.recon.system.Database#isPostgres})
     * @param indexLookupsOnly on PostgreSQL, joins only through the indexes
     */
    static LookupTransaction open(DataSource dataSource, boolean postgres, boolean indexLookupsOnly)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            if (postgres) {
                List<String> settings = new ArrayList<>(POSTGRES_SETTINGS);
                if (indexLookupsOnly) {
                    settings.addAll(INDEX_LOOKUPS_ONLY);
                }
                try (Statement statement = connection.createStatement()) {
                    for (String setting : settings) {
                        statement.execute("SET LOCAL " + setting);
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

    /** A statement run many times in the transaction (a batch of keys each time); closed with the transaction. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statements.add(statement);
        return statement;
    }

    /** Text keys as one parameter, for {@code column = ANY(?)} (PostgreSQL and H2 both look each one up). */
    Array keys(java.util.Collection<String> keys) throws SQLException {
        return connection.createArrayOf("varchar", keys.toArray(String[]::new));
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
