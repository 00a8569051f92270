package com.retail.recon.desk;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The management port (management.server.port) for monitors and Prometheus: /actuator/health, terse, and
 * /actuator/prometheus, both without a login; nothing else of the actuator, and no actuator on the desk's own
 * port (which a reverse proxy may publish).
 */
class DeskHealthTests extends DeskTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalManagementPort
    int managementPort;

    @Test
    void healthAnswersUpWithoutALogin_andWithoutDetails() throws Exception {
        HttpResponse<String> health = fetch(managementPort, "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(health.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(health.headers().firstValue("Set-Cookie")).isEmpty();
        // the same for an ADMIN's credentials: never details or components
        assertThat(fetch(managementPort, "/actuator/health", "admin").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void prometheusIsScrapedWithoutALogin_withRecordsFiguresFromTheStore() throws Exception {
        HttpResponse<String> scrape = fetch(managementPort, "/actuator/prometheus", null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        long latest = LocalDate.parse(DeskFixture.DATES.get(DeskFixture.DATES.size() - 1)).toEpochDay();
        assertThat(scrape.body())
                .containsPattern("(?m)^recon_last_business_date\\{store=\"[^\"]+\"} " + latest + "(\\.0)?$")
                .containsPattern("(?m)^recon_last_success_timestamp_seconds\\{store=\"[^\"]+\"} \\d")
                .containsPattern("(?m)^recon_cases\\{kind=\"ESCALATION\",state=\"OPEN\",store=\"[^\"]+\"} \\d")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void nothingElseOfTheActuatorIsReachable_andNoneOfItOnTheDesksPort() throws Exception {
        for (String path : List.of("/actuator", "/actuator/", "/actuator/health/db", "/actuator/health/diskSpace",
                "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info", "/actuator/env",
                "/actuator/beans", "/actuator/configprops", "/actuator/metrics", "/actuator/mappings",
                "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump", "/actuator/flyway",
                "/actuator/health;x=1", "/actuator/health/", "/actuator/prometheus/")) {
            assertThat(fetch(managementPort, path, null).statusCode()).as(path).isNotEqualTo(200);
            assertThat(fetch(managementPort, path, "admin").statusCode()).as(path).isNotEqualTo(200);
        }
        for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
            mvc.perform(get(path)).andExpect(status().is(not(200)));
            assertThat(fetch(port, path, null).statusCode()).as("desk port " + path).isNotEqualTo(200);
        }
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isNotEqualTo(200);
    }

    private static HttpResponse<String> fetch(int port, String path, String basicUser)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((basicUser + ":" + DeskFixture.PASSWORD).getBytes()));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
