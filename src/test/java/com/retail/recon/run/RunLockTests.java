package com.retail.recon.run;

import com.retail.recon.nightly.TestStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLockTests {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 20);

    @TempDir
    static Path folder;

    static Stream<TestStore> stores() {
        return Stream.of(TestStore.h2(folder), TestStore.postgres());
    }

    private static DataSource prepared(TestStore store) {
        store.jdbc().execute("CREATE TABLE IF NOT EXISTS run_lock (business_date DATE PRIMARY KEY)");
        return new DriverManagerDataSource(store.url(), store.user(), "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aDateHeldByOneRunIsBusyForASecondAndFreeAfterIt(TestStore store) {
        RunLock lock = new RunLock(prepared(store));
        try (RunLock.Held first = lock.acquire(DATE)) {
            assertThatThrownBy(() -> lock.acquire(DATE)).isInstanceOf(RunLock.Busy.class)
                    .hasMessageContaining("another run of 2026-11-20 is in progress");
            lock.acquire(DATE.plusDays(1)).close();
        }
        lock.acquire(DATE).close();
    }

    @Test
    void aStoreThatFailsWhileTakingTheLockIsReportedWithItsCauseNotAsAnotherRun() {
        DataSource store = prepared(TestStore.h2(folder.resolve("dropped")));
        AtomicInteger connections = new AtomicInteger();
        DataSource dropsTheSecondConnection = new DelegatingDataSource(store) {
            @Override
            public Connection getConnection() throws SQLException {
                if (connections.incrementAndGet() == 2) {
                    throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
                }
                return super.getConnection();
            }
        };

        assertThatThrownBy(() -> new RunLock(dropsTheSecondConnection).acquire(DATE))
                .isNotInstanceOf(RunLock.Busy.class)
                .hasMessageContaining("cannot take the run lock of 2026-11-20")
                .hasMessageContaining("Connection to 127.0.0.1:5432 refused")
                .hasCauseInstanceOf(SQLException.class);
    }
}
