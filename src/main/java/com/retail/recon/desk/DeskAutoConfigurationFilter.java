package com.retail.recon.desk;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * The web starters' auto-configuration (MVC, Tomcat, Security, Thymeleaf, Jackson's HTTP converters) only in
 * {@code recon serve}, the one command that sets {@code spring.main.web-application-type=servlet}. Every other
 * command is a non-web application (application.yml) and would otherwise still build Security's
 * authentication beans and user details service (which logs a generated password), a Thymeleaf engine and a
 * JSON mapper it never uses: start-up time and a secret in the log for nothing. Registered in
 * {@code META-INF/spring.factories}, like scaleout's broker filter, because an exclusion could not be undone by
 * serve.
 *
 * <p>The actuator is the desk's too: its endpoints and health contributors ({@link #MANAGEMENT}) only in serve,
 * which exposes {@code /actuator/health} alone (application.yml). Micrometer's metrics and observations
 * ({@link #METRICS}) are left out of every command, serve included: nothing reads them, and with a registry in
 * place Spring Batch would time every chunk of a night's run for nobody.
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

    /** The actuator's endpoints and health contributors: the desk's /actuator/health. */
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

    /** Whether this process is the desk: what every web auto-configuration is kept for. */
    public static boolean isDesk(Environment environment) {
        return "servlet".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", ""));
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean desk = isDesk(environment);
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            String candidate = autoConfigurationClasses[i];
            match[i] = candidate == null
                    || !isMetrics(candidate) && (desk || !isWeb(candidate) && !isManagement(candidate));
        }
        return match;
    }

    private static boolean isWeb(String candidate) {
        return WEB.stream().anyMatch(candidate::startsWith);
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
