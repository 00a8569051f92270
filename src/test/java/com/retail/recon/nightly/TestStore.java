package com.retail.recon.nightly;

import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, empty store for one test: an H2 file in a temporary folder, or a new schema in the local
 * PostgreSQL server. PostgreSQL tests are skipped, saying so, when no server answers, unless
 * RECON_REQUIRE_POSTGRES is set (CI sets it, so that a missing server fails the build).
 */
public record TestStore(String name, String url, String user, List<String> springArguments) {

    public static final String POSTGRES_URL = System.getenv().getOrDefault("RECON_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("RECON_TEST_POSTGRES_USER", "postgres");

    public static TestStore h2(Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("store").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        return new TestStore("H2", url, "sa", List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=sa",
                "--spring.datasource.password="));
    }

    /** The store's tables, for assertions after the command line has run (and closed it). */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(url, user, ""));
    }

    public static TestStore postgres() {
        String schema = "recon_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (System.getenv("RECON_REQUIRE_POSTGRES") != null) {
                throw new IllegalStateException("PostgreSQL is required (RECON_REQUIRE_POSTGRES) but "
                        + POSTGRES_URL + " does not answer: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL tests skipped: no server at " + POSTGRES_URL + " (" + e.getMessage() + ")");
        }
        markPostgresUsed();
        String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&reWriteBatchedInserts=true";
        return new TestStore("PostgreSQL", url, POSTGRES_USER, List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + POSTGRES_USER,
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema));
    }

    /** Leaves target/postgres-tests-ran behind, so that CI can tell the PostgreSQL tests really ran. */
    private static void markPostgresUsed() {
        try {
            java.nio.file.Files.writeString(Path.of("target", "postgres-tests-ran"), POSTGRES_URL + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
