package com.retail.recon.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusProperties;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A Pushgateway that takes the connection and never answers holds a command up for seconds, not minutes. */
class MetricsPushTests {

    @Test
    void aGatewayThatNeverAnswers_isGivenUpWithinTheTimeouts() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());   // read nothing, answer nothing
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            PrometheusProperties.Pushgateway properties = new PrometheusProperties().getPushgateway();
            properties.setAddress("127.0.0.1:" + silent.getLocalPort());
            MetricsPush push = new MetricsPush(new PrometheusRegistry(), properties,
                    Map.of("store", "s", "instance", "i"), new ReconMeters(null, "s"));

            long started = System.nanoTime();
            push.push();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isGreaterThanOrEqualTo(MetricsPush.READ_TIMEOUT.minusMillis(100))
                    .isLessThan(MetricsPush.CONNECT_TIMEOUT.plus(MetricsPush.READ_TIMEOUT).plusSeconds(2));
            assertThat(held).isNotEmpty();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void theGroupingKeyIsTheStoreAndTheInstance_unlessBootsGroupingKeySaysOtherwise() {
        PrometheusProperties.Pushgateway properties = new PrometheusProperties().getPushgateway();
        properties.getGroupingKey().put("instance", "blue");
        MetricsPush push = new MetricsPush(new PrometheusRegistry(), properties,
                Map.of("store", "db:5432/recon", "instance", "host-1"), new ReconMeters(null, "s"));
        assertThat(push.groupingKey()).containsExactlyInAnyOrderEntriesOf(
                Map.of("store", "db:5432/recon", "instance", "blue"));
    }

    @Test
    void aStoreIsNamedAfterItsUrl() {
        assertThat(StoreName.fromUrl("jdbc:postgresql://db:5432/recon?reWriteBatchedInserts=true"))
                .isEqualTo("db:5432/recon");
        assertThat(StoreName.fromUrl("jdbc:h2:file:/srv/recon/store;MODE=PostgreSQL;AUTO_SERVER=TRUE"))
                .isEqualTo("/srv/recon/store");
    }
}
