package com.retail.recon.metrics;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code prometheus-pushgateway} on a random port of 127.0.0.1, empty and in memory only, started for a
 * test and stopped after it. Without the package the test is skipped with a message, unless {@code RECON_REQUIRE_PUSHGATEWAY} is set
 * (.ci/run sets it, and installs the package): then it fails. Leaves {@code target/pushgateway-tests-ran}
 * behind when it started one, for .ci/run to check.
 */
final class Pushgateway implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Process process;
    final String address;

    private Pushgateway(Process process, String address) {
        this.process = process;
        this.address = address;
    }

    static Pushgateway start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            String message = BINARY + " is not installed (Debian package prometheus-pushgateway): "
                    + "the Pushgateway tests are skipped";
            if (System.getenv("RECON_REQUIRE_PUSHGATEWAY") != null) {
                throw new AssertionError(message + ", but RECON_REQUIRE_PUSHGATEWAY is set");
            }
            Assumptions.abort(message);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        // in memory only: Debian's build persists to /var/lib/prometheus/pushgateway.data by default, which would
        // hand one test's metrics to the next gateway (and a push that failed would pass on stale values)
        Process process = new ProcessBuilder(BINARY.toString(), "--web.listen-address=" + address,
                "--persistence.file=")
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("pushgateway", ".log").toFile())
                .start();
        Pushgateway gateway = new Pushgateway(process, address);
        Instant deadline = Instant.now().plusSeconds(30);
        while (!gateway.ready()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                gateway.close();
                throw new AssertionError("the Pushgateway did not start on " + address);
            }
            Thread.sleep(100);
        }
        if (gateway.samples().stream().anyMatch(sample -> "recon".equals(sample.labels().get("job")))) {
            gateway.close();
            throw new AssertionError("the new Pushgateway on " + address + " already holds recon's metrics");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "pushgateway-tests-ran"), BINARY + " at " + address + "\n");
        return gateway;
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One line of the gateway's /metrics. */
    record Sample(String name, Map<String, String> labels, double value) {

        boolean has(String name, Map<String, String> labels) {
            return this.name.equals(name) && this.labels.entrySet().containsAll(labels.entrySet());
        }
    }

    /** The gateway's /metrics, every sample of every group. */
    List<Sample> samples() throws IOException, InterruptedException {
        return parse(HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Prometheus' text format, as far as the Pushgateway writes it. */
    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                Map<String, String> labels = new LinkedHashMap<>();
                if (sample.group(2) != null) {
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                    }
                }
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
            }
        }
        return samples;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
