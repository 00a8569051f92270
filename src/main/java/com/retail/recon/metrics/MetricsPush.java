package com.retail.recon.metrics;

import com.retail.recon.system.Failures;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusProperties;
import org.springframework.util.StringUtils;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pushes this process's metrics to the Pushgateway once, when a short-lived command ends (run, rerun, restart,
 * export; also when it failed), configured by Spring Boot's own properties
 * {@code management.prometheus.metrics.export.pushgateway.*} (address, scheme, job, grouping-key, username and
 * password or token, format).
 *
 * <p>recon pushes itself instead of Boot's push manager, which pushes as soon as the application starts and then
 * every push-rate, and logs a stack trace for each failed push: a command that runs for a minute against a
 * Pushgateway that is down would print several. Here a Pushgateway that is down or unreachable costs at most
 * {@link #CONNECT_TIMEOUT} plus {@link #READ_TIMEOUT} and one warning line, and never changes the command's
 * result. The push is a POST: it replaces the metrics this process has in the group (store, instance) and leaves
 * the others, so an export's push does not wipe the last night's Spring Batch timings.
 */
public final class MetricsPush {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger log = LoggerFactory.getLogger(MetricsPush.class);

    private final PushGateway gateway;
    private final String address;
    private final Map<String, String> groupingKey;
    private final ReconMeters meters;

    MetricsPush(PrometheusRegistry registry, PrometheusProperties.Pushgateway properties,
                Map<String, String> defaultGroupingKey, ReconMeters meters) {
        this.address = properties.getAddress();
        this.meters = meters;
        this.groupingKey = new LinkedHashMap<>(defaultGroupingKey);
        this.groupingKey.putAll(properties.getGroupingKey());
        PushGateway.Builder builder = PushGateway.builder()
                .address(properties.getAddress())
                .scheme(properties.getScheme() == PrometheusProperties.Pushgateway.Scheme.HTTPS ? Scheme.HTTPS
                        : Scheme.HTTP)
                .format(properties.getFormat() == PrometheusProperties.Pushgateway.Format.TEXT ? Format.PROMETHEUS_TEXT
                        : Format.PROMETHEUS_PROTOBUF)
                .job(StringUtils.hasText(properties.getJob()) ? properties.getJob() : "recon")
                .connectionTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .registry(registry);
        if (StringUtils.hasText(properties.getToken())) {
            builder.bearerToken(properties.getToken());
        } else if (StringUtils.hasText(properties.getUsername())) {
            builder.basicAuth(properties.getUsername(), properties.getPassword());
        }
        groupingKey.forEach(builder::groupingKey);
        this.gateway = builder.build();
    }

    /** The labels that tell this process's group apart on the Pushgateway. */
    public Map<String, String> groupingKey() {
        return Map.copyOf(groupingKey);
    }

    /** Pushes what the registry holds now, with the store's figures read afresh; never throws. */
    public void push() {
        meters.refresh();
        try {
            gateway.pushAdd();
            log.debug("metrics pushed to the Pushgateway at {} as {}", address, groupingKey);
        } catch (Exception e) {
            log.warn("metrics not pushed to the Pushgateway at {} (the command's result stands): {}", address,
                    Failures.rootMessage(e));
        }
    }
}
