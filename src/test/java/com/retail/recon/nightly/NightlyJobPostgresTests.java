package com.retail.recon.nightly;

/** The same scenarios as {@link NightlyJobFunctionalTests}, on PostgreSQL (each test in a fresh schema). */
class NightlyJobPostgresTests extends NightlyJobFunctionalTests {

    @Override
    TestStore store() {
        return TestStore.postgres();
    }
}
