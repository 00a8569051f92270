package com.retail.recon.metrics;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which recon processes have metrics at all. Micrometer, its registry and Spring Batch's observations cost
 * start-up time and a timer around every chunk, so they are built only where something reads them: the
 * long-running processes that are scraped ({@code recon serve}, {@code recon worker}) and any command told to
 * push to a Pushgateway. {@code recon status}, {@code cases list} and the other short commands start without
 * them (desk.DeskAutoConfigurationFilter asks here).
 */
public final class MetricsExport {

    /** Spring Boot's own switch for the Pushgateway; recon honours it (see {@link MetricsPush}). */
    public static final String PUSHGATEWAY_ENABLED = "management.prometheus.metrics.export.pushgateway.enabled";

    private MetricsExport() {
    }

    /** Whether this process pushes its metrics when it ends. */
    public static boolean pushes(Environment environment) {
        return environment.getProperty(PUSHGATEWAY_ENABLED, Boolean.class, false);
    }

    /** {@code recon serve} and {@code recon worker}: scraped at /actuator/prometheus on the management port. */
    public static boolean scraped(Environment environment) {
        return isServlet(environment);
    }

    /** Whether this process builds a meter registry and records observations. */
    public static boolean isOn(Environment environment) {
        return pushes(environment) || scraped(environment);
    }

    /** serve and worker are the servlet applications; every other command is none (application.yml). */
    private static boolean isServlet(Environment environment) {
        return "servlet".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", ""));
    }

    /** For recon's own metrics beans: only where {@link #isOn} (the meter registry exists there). */
    static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isOn(context.getEnvironment());
        }
    }

    /** For the push: only where {@link #pushes}. */
    static final class Pushing implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return pushes(context.getEnvironment());
        }
    }
}
