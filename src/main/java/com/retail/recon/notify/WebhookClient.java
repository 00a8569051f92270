package com.retail.recon.notify;

import com.retail.recon.system.ProductVersion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One signed POST of an event's body. Redirects are not followed (a receiver that moved must be reconfigured,
 * not guessed at), only http and https are spoken, and of a response body at most its first 200 characters are
 * kept for the error.
 */
final class WebhookClient {

    /** What one try came to: delivered, worth another try later, or refused for good. */
    enum Verdict { DELIVERED, RETRY, FAILED }

    record Answer(Verdict verdict, String error) {
    }

    private final HttpClient http;
    private final Duration timeout;

    WebhookClient(Duration timeout) {
        // HTTP/1.1: over plain http, HTTP/2 would first ask the receiver to upgrade, which many webhook
        // endpoints and proxies do not expect
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** @param deadline the request is given up at this instant at the latest (the sending's budget) */
    Answer post(String url, String secret, String eventType, String deliveryId, String body,
                java.time.Instant deadline) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Answer(Verdict.FAILED, "not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                || uri.getScheme().equalsIgnoreCase("https"))) {
            return new Answer(Verdict.FAILED, "only http:// and https:// URLs are called");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Duration left = Duration.between(java.time.Instant.now(), deadline);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(left.compareTo(timeout) < 0 ? Duration.ofMillis(Math.max(500, left.toMillis())) : timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "recon/" + ProductVersion.get())
                .header("X-Recon-Event", eventType)
                .header("X-Recon-Delivery", deliveryId)
                .header(Signature.HEADER, Signature.of(secret, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Answer(Verdict.DELIVERED, null);
            }
            String error = "HTTP " + status + answerText(response.body());
            if (status >= 300 && status < 400) {
                return new Answer(Verdict.FAILED, error + " (a redirect"
                        + response.headers().firstValue("Location").map(to -> " to " + Redaction.url(to)).orElse("")
                        + " is not followed: configure the receiver's new URL)");
            }
            // the receiver is busy or broken for now: 408, 425, 429 and every 5xx are tried again
            boolean later = status == 408 || status == 425 || status == 429 || status >= 500;
            return new Answer(later ? Verdict.RETRY : Verdict.FAILED, error);
        } catch (IOException e) {
            return new Answer(Verdict.RETRY, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Verdict.RETRY, "interrupted");
        }
    }

    /** The first 200 characters of a response body, on one line. */
    static String answerText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return ": " + (oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…");
    }
}
