package com.retail.recon.cli;

import com.retail.recon.ReconApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/** Boots the Spring application (store, migrations, job) for a subcommand that needs it. */
final class Store {

    private Store() {
    }

    /** Everything: for the subcommands that run the job (run, rerun, restart, schedule, worker). */
    static ConfigurableApplicationContext open() {
        return open(false);
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
