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
            match[i] = desk || candidate == null || WEB.stream().noneMatch(candidate::startsWith);
        }
        return match;
    }
}
