package com.retail.recon.notify;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver for the tests (the JDK's HttpServer on a free loopback port): keeps every request it was
 * sent, answers the first {@code failFirst} of them with {@code failWith}, then 204.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and what the receiver answered. */
    public record Request(String path, String event, String delivery, String signature, String contentType, String body,
                   int answered) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger failuresLeft;
    private final int failWith;

    private WebhookReceiver(int port, int failFirst, int failWith) throws IOException {
        this.failuresLeft = new AtomicInteger(failFirst);
        this.failWith = failWith;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = failuresLeft.getAndDecrement() > 0 ? failWith : 204;
            synchronized (requests) {
                requests.add(new Request(exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("X-Recon-Event"),
                        exchange.getRequestHeaders().getFirst("X-Recon-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-Recon-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
            }
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://elsewhere.example/secret-token");
            }
            byte[] answer = status == 204 ? new byte[0]
                    : ("{\"error\": \"" + "busy ".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver start(int failFirst, int failWith) throws IOException {
        return new WebhookReceiver(0, failFirst, failWith);
    }

    /** Again on a port a receiver used before (a receiver that was down comes back). */
    public static WebhookReceiver startOn(int port) throws IOException {
        return new WebhookReceiver(port, 0, 204);
    }

    /** A loopback port nothing listens on now: a receiver that is down. */
    public static int closedPort() throws IOException {
        WebhookReceiver probe = start(0, 204);
        int port = probe.port();
        probe.close();
        return port;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/hooks/recon?token=path-secret";
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> delivered() {
        return requests().stream().filter(r -> r.answered() == 204).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
