package com.retail.recon.cli;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator is the desk's alone: the other commands (the nightly run, cases, status, ...) start no endpoint,
 * no health contributor and no metrics registry; the desk itself has health but no metrics either.
 */
class ActuatorOnlyOnTheDeskTests {

    @TempDir
    Path folder;

    @Test
    void theJobsContextHasNoActuatorNoHealthNoMetrics() {
        TestStore store = TestStore.h2(folder);
        assertThat(Recon.run(store, "status").exitCode()).isZero();
        ReconCommand.springArguments.clear();
        ReconCommand.springArguments.addAll(store.springArguments());
        try (ConfigurableApplicationContext context = Store.open()) {
            assertThat(context.getBeanNamesForType(HealthEndpoint.class)).isEmpty();
            assertThat(context.getBeanNamesForType(HealthContributor.class)).isEmpty();
            assertThat(context.getBeanNamesForType(WebEndpointsSupplier.class)).isEmpty();
            assertThat(context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
            assertThat(context.getBeanNamesForType(ObservationRegistry.class)).isEmpty();
        } finally {
            ReconCommand.springArguments.clear();
        }
    }
}
