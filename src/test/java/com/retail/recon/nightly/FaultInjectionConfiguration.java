package com.retail.recon.nightly;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Adds {@link FaultInjection} to recon when a test (or a test's separate JVM, which runs with the test
 * classpath) sets recon.fault.halt-step or recon.fault.pause-step. Registered in the test resources'
 * AutoConfiguration.imports, so the production jar knows nothing of it.
 */
@AutoConfiguration
class FaultInjectionConfiguration {

    @Bean
    @ConditionalOnExpression("'${recon.fault.halt-step:}' != '' or '${recon.fault.pause-step:}' != ''")
    FaultInjection faultInjection(Environment environment) {
        return new FaultInjection(environment.getProperty("recon.fault.halt-step"),
                environment.getProperty("recon.fault.halt-at-write", Integer.class, 1),
                environment.getProperty("recon.fault.pause-step"),
                environment.getProperty("recon.fault.pause-millis", Long.class, 0L),
                environment.getProperty("recon.fault.pause-until"));
    }
}
