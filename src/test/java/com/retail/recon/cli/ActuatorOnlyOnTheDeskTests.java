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
 * The actuator is for the processes that serve HTTP (serve, worker: their tests check the management port): the
 * other commands (the nightly run, cases, status, ...) start no endpoint and no health contributor, and no
 * metrics registry unless they push to a Pushgateway (metrics.MetricsExport), so short commands start as fast
 * as before.
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

    @Test
    void aCommandToldToPushHasMetricsAndObservations_butStillNoEndpoint() {
        TestStore store = TestStore.h2(folder);
        assertThat(Recon.run(store, "status").exitCode()).isZero();
        ReconCommand.springArguments.clear();
        ReconCommand.springArguments.addAll(store.springArguments());
        ReconCommand.springArguments.add("--management.prometheus.metrics.export.pushgateway.enabled=true");
        try (ConfigurableApplicationContext context = Store.open()) {
            assertThat(context.getBeanNamesForType(MeterRegistry.class)).isNotEmpty();
            assertThat(context.getBeanNamesForType(ObservationRegistry.class)).isNotEmpty();
            assertThat(context.getBeanNamesForType(com.retail.recon.metrics.MetricsPush.class)).hasSize(1);
            // recon pushes itself (metrics.MetricsPush): Boot's manager would push at start and every minute
            assertThat(context.getBeanNamesForType(org.springframework.boot.micrometer.metrics.export.prometheus
                    .PrometheusPushGatewayManager.class)).isEmpty();
            assertThat(context.getBeanNamesForType(HealthEndpoint.class)).isEmpty();
            assertThat(context.getBeanNamesForType(WebEndpointsSupplier.class)).isEmpty();
        } finally {
            ReconCommand.springArguments.clear();
        }
    }
}
