package com.retail.recon.metrics;

import org.springframework.core.env.Environment;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * The labels {@code store} and {@code instance}: which store a series is about and which machine pushed it, so
 * that two deployments never overwrite each other on a Pushgateway. {@code recon.metrics.store} and
 * {@code recon.metrics.instance} name them; by default the store is named after its URL (host, port and
 * database for PostgreSQL, the file's absolute path for the embedded store) and the instance is the host name.
 */
final class StoreName {

    private StoreName() {
    }

    static String of(Environment environment) {
        String configured = environment.getProperty("recon.metrics.store");
        return configured != null && !configured.isBlank() ? configured
                : fromUrl(environment.getProperty("spring.datasource.url", ""));
    }

    static String instance(Environment environment) {
        String configured = environment.getProperty("recon.metrics.instance");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /** {@code jdbc:postgresql://db:5432/recon?x=y} → {@code db:5432/recon}; H2 file → its absolute path. */
    static String fromUrl(String url) {
        String rest = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        int parameters = indexOfAny(rest, ";?");
        rest = parameters < 0 ? rest : rest.substring(0, parameters);
        if (rest.startsWith("h2:file:")) {
            return Path.of(rest.substring("h2:file:".length())).toAbsolutePath().normalize().toString();
        }
        int hosts = rest.indexOf("//");
        return hosts < 0 ? rest : rest.substring(hosts + 2);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
