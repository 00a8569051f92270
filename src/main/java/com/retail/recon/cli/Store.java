package com.retail.recon.cli;

import com.retail.recon.ReconApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Boots the Spring application (store, migrations, job) for a subcommand that needs it. */
final class Store {

    private Store() {
    }

    static ConfigurableApplicationContext open() {
        SpringApplication application = new SpringApplication(ReconApplication.class);
        return application.run(ReconCommand.springArguments.toArray(String[]::new));
    }
}
