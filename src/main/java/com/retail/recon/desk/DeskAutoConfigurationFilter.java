package com.retail.recon.desk;

import com.retail.recon.metrics.MetricsExport;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * The web starters' auto-configuration (MVC, Tomcat, Security, Thymeleaf, Jackson's HTTP converters) only in the
 * processes that serve HTTP: {@code recon serve} (the desk) and {@code recon worker} (its management port), the
 * commands that set {@code spring.main.web-application-type=servlet}; Security and Thymeleaf in the desk alone.
 * Every other command is a non-web application (application.yml) and would otherwise still build Security's
 * authentication beans and user details service (which logs a generated password), a Thymeleaf engine and a
 * JSON mapper it never uses: start-up time and a secret in the log for nothing. Registered in
 * {@code META-INF/spring.factories}, like scaleout's broker filter, because an exclusion could not be undone by
 * serve.
 *
 * <p>The actuator ({@link #MANAGEMENT}) is for the processes that serve HTTP too: /actuator/health and
 * /actuator/prometheus on their management port. Micrometer's metrics and observations ({@link #METRICS}) only
 * where something reads them (metrics.MetricsExport: serve, worker, and a command told to push to a
 * Pushgateway): with a registry in place Spring Batch times every chunk and step, for nobody otherwise.
 */
public final class DeskAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    /** The packages of the web starters' auto-configuration (and their background pre-initializers). */
    public static final List<String> WEB = List.of(
            "org.springframework.boot.webmvc.",
            "org.springframework.boot.servlet.",
            "org.springframework.boot.tomcat.",
            "org.springframework.boot.web.server.",
            "org.springframework.boot.security.",
            "org.springframework.boot.thymeleaf.",
            "org.springframework.boot.http.converter.",
            "org.springframework.boot.jackson.");

    /** Only the desk has logins and pages: a worker's management port has neither. */
    static final List<String> DESK_ONLY = List.of(
            "org.springframework.boot.security.",
            "org.springframework.boot.thymeleaf.");

    /** The actuator's endpoints and health contributors: /actuator/health and /actuator/prometheus. */
    public static final List<String> MANAGEMENT = List.of(
            "org.springframework.boot.actuate.",
            "org.springframework.boot.health.");

    /** Metrics and observations, and the other modules' contributions to them and to the actuator. */
    public static final List<String> METRICS = List.of(
            "org.springframework.boot.micrometer.");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** Whether this process serves HTTP: the desk, or a worker's management port. */
    public static boolean isWeb(Environment environment) {
        return "servlet".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", ""));
    }

    /** Whether this process is the desk ({@code recon serve}): a web application that is not a worker. */
    public static boolean isDesk(Environment environment) {
        return isWeb(environment) && !environment.getProperty("recon.workers.listen", Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean web = isWeb(environment);
        boolean desk = isDesk(environment);
        boolean metrics = MetricsExport.isOn(environment);
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            String candidate = autoConfigurationClasses[i];
            match[i] = candidate == null
                    || (metrics || !isMetrics(candidate))
                    && (web || !isWebStarter(candidate) && !isManagement(candidate))
                    && (desk || !isDeskOnly(candidate));
        }
        return match;
    }

    private static boolean isWebStarter(String candidate) {
        return WEB.stream().anyMatch(candidate::startsWith);
    }

    private static boolean isDeskOnly(String candidate) {
        return DESK_ONLY.stream().anyMatch(candidate::startsWith);
    }

    /** The actuator's own, and e.g. jdbc's DataSourceHealthContributorAutoConfiguration, flyway's endpoint. */
    private static boolean isManagement(String candidate) {
        return MANAGEMENT.stream().anyMatch(candidate::startsWith) || candidate.contains(".autoconfigure.health.")
                || candidate.endsWith("EndpointAutoConfiguration");
    }

    /** Micrometer's, and e.g. jdbc's pool metrics, batch's observation, amqp's metrics. */
    private static boolean isMetrics(String candidate) {
        return METRICS.stream().anyMatch(candidate::startsWith) || candidate.contains(".autoconfigure.metrics.")
                || candidate.contains(".autoconfigure.observation.");
    }
}
