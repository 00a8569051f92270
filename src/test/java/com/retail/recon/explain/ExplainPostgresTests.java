package com.retail.recon.explain;

import com.retail.recon.nightly.TestStore;

import java.nio.file.Path;

/** The same checks as {@link ExplainFunctionalTests}, on PostgreSQL (a fresh schema per store). */
class ExplainPostgresTests extends ExplainFunctionalTests {

    @Override
    TestStore store(Path folder) {
        return TestStore.postgres();
    }
}
