package com.retail.recon.system;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's SQL dialect is decided by the database behind the connection, never by the URL's spelling. */
class StoreDialectTests {

    @Test
    void aPostgresqlStoreBehindAWrappingDriver_getsThePostgresqlSchema() {
        TestStore postgres = TestStore.postgres();
        List<String> arguments = new ArrayList<>();
        for (String argument : postgres.springArguments()) {
            arguments.add(argument.replace("--spring.datasource.url=jdbc:postgresql:",
                    "--spring.datasource.url=jdbc:wrapped:postgresql:"));
        }
        arguments.add("--spring.datasource.driver-class-name=" + WrappingDriver.class.getName());
        TestStore wrapped = new TestStore("wrapped PostgreSQL", postgres.url(), postgres.user(), arguments);

        Recon.Outcome status = Recon.run(wrapped, "status");

        assertThat(status.exitCode()).as(status.err()).isZero();
        String schema = postgres.url().replaceAll(".*currentSchema=([a-z0-9_]+).*", "$1");
        assertThat(postgres.jdbc().queryForObject("SELECT indexdef FROM pg_indexes WHERE schemaname = ? "
                + "AND indexname = 'order_line_by_order'", String.class, schema)).contains("USING hash (order_id)");
    }
}
