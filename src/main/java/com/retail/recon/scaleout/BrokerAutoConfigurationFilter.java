package com.retail.recon.scaleout;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Spring Boot's RabbitMQ auto-configuration only in a process that talks to the broker (a manager with
 * {@code --workers remote}, a {@code recon worker}). Every other command would otherwise build a connection
 * factory, templates, listener container factories and the JDK's TLS providers it never uses, a few hundred
 * milliseconds of each start. Registered in {@code META-INF/spring.factories}; an exclusion
 * ({@code spring.autoconfigure.exclude}) could not be undone by the remote configuration, which is why this
 * is a filter.
 */
final class BrokerAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final String RABBIT = "org.springframework.boot.amqp.autoconfigure.";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean broker = RemotePartitioning.usesBroker(environment);
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            String candidate = autoConfigurationClasses[i];
            match[i] = broker || candidate == null || !candidate.startsWith(RABBIT);
        }
        return match;
    }
}
