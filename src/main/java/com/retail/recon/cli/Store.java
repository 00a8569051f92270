package com.retail.recon.cli;

import com.retail.recon.ReconApplication;
import com.retail.recon.metrics.MetricsPush;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Boots the Spring application (store, migrations, job) for a subcommand that needs it. */
final class Store {

    private Store() {
    }

    /** Everything: for the subcommands that run the job (run, rerun, restart, schedule, worker). */
    static ConfigurableApplicationContext open() {
        return open(false);
    }

    /**
     * For run, rerun, restart: as {@link #open()}, and when a Pushgateway is configured the metrics are pushed as
     * the context closes (the store still open), whatever the command's result (metrics.MetricsPush).
     */
    static ConfigurableApplicationContext openPushingMetrics() {
        return pushingMetricsOnClose(open(false));
    }

    /** For export: as {@link #openForReading()}, pushing its metrics when it closes. */
    static ConfigurableApplicationContext openForReadingPushingMetrics() {
        return pushingMetricsOnClose(open(true));
    }

    private static ConfigurableApplicationContext pushingMetricsOnClose(ConfigurableApplicationContext context) {
        context.getBeanProvider(MetricsPush.class).ifAvailable(push -> context.addApplicationListener(
                (ApplicationListener<ContextClosedEvent>) closed -> push.push()));
        return context;
    }

    /**
     * For the subcommands that only read the store (status, export): beans are created when first asked for,
     * so the job, its steps and the job operator are never built. The store is still opened and migrated at
     * start-up (StoreConfiguration), so a store that cannot be used fails here as it does for the others.
     */
    static ConfigurableApplicationContext openForReading() {
        return open(true);
    }

    private static ConfigurableApplicationContext open(boolean lazy) {
        SpringApplication application = new SpringApplication(ReconApplication.class);
        application.setLazyInitialization(lazy);
        if (!ReconCommand.springArguments.contains("--spring.main.web-application-type=servlet")) {
            Preinitialization.withoutWeb(application); // see desk.DeskAutoConfigurationFilter
        }
        Messages.storeUrlInUse(null);
        application.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) prepared ->
                Messages.storeUrlInUse(prepared.getEnvironment().getProperty("spring.datasource.url")));
        return application.run(ReconCommand.springArguments.toArray(String[]::new));
    }
}
