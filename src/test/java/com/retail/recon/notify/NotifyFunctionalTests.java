package com.retail.recon.notify;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.opencsv.CSVReader;
import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.SeparateJvm;
import com.retail.recon.nightly.TestStore;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications on each store, through a real HTTP receiver and a real SMTP server: every event delivered once,
 * signed; retries under the same delivery id; a run killed after writing its outbox; a receiver down for a whole
 * run; receivers that refuse for good; one e-mail per date with both parts; settings refused at start-up.
 */
class NotifyFunctionalTests {

    private static final Path INBOX = Path.of("sample-data", "inbox");
    private static final List<String> DATES = List.of("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23");
    private static final String SECRET = "s3cret-for-the-tests";
    private static final String DESK = "https://recon.example.com";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    static Stream<Named<Function<Path, TestStore>>> stores() {
        return Stream.of(Named.of("H2", TestStore::h2), Named.of("PostgreSQL", ignored -> TestStore.postgres()));
    }

    // --- webhooks ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void everyEventIsDeliveredOnceAndSigned_andARetryKeepsItsDeliveryId(Function<Path, TestStore> kind)
            throws Exception {
        TestStore store = kind.apply(folder);
        try (WebhookReceiver receiver = WebhookReceiver.start(2, 503)) {
            for (String date : DATES) {
                Recon.Outcome outcome = run(store, date, webhook(receiver.url()));
                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                assertThat(outcome.out() + outcome.err()).as("the secret never reaches the output")
                        .doesNotContain(SECRET).doesNotContain("path-secret");
            }
            Map<String, String> states = deliveries(store);
            assertThat(states).isNotEmpty();
            assertThat(states.values()).as("nothing left in the outbox").containsOnly("DELIVERED");

            List<WebhookReceiver.Request> delivered = receiver.delivered();
            assertThat(delivered.stream().map(WebhookReceiver.Request::delivery))
                    .as("each delivery exactly once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(states.keySet());
            List<WebhookReceiver.Request> refused = receiver.requests().stream().filter(r -> r.answered() == 503)
                    .toList();
            assertThat(refused).hasSize(2);
            assertThat(refused.stream().map(WebhookReceiver.Request::delivery).distinct())
                    .as("the retries carried the delivery id of the first try")
                    .allSatisfy(id -> assertThat(delivered.stream().map(WebhookReceiver.Request::delivery))
                            .contains(id));
            Map<String, String> eventOfDelivery = new HashMap<>();
            store.jdbc().query("SELECT delivery_id, event_id FROM recon_notify_delivery",
                    rs -> { eventOfDelivery.put(rs.getString(1), rs.getString(2)); });
            for (WebhookReceiver.Request request : receiver.requests()) {
                assertThat(request.signature()).as("signed with the secret over the raw body")
                        .isEqualTo("sha256=" + hmac(SECRET, request.body()));
                assertThat(request.contentType()).isEqualTo("application/json");
                assertThat(request.path()).isEqualTo("/hooks/recon?token=path-secret");
                JsonNode body = JSON.readTree(request.body());
                assertThat(body.get("id").asString()).isEqualTo(eventOfDelivery.get(request.delivery()));
                assertThat(body.get("type").asString()).isEqualTo(request.event());
                assertThat(Instant.parse(body.get("occurred_at").asString())).isBefore(Instant.now());
                assertThat(body.get("business_date").asString()).isIn(DATES);
                assertThat(body.get("data").isObject()).isTrue();
            }

            if (Files.isExecutable(Path.of("/usr/bin/openssl"))) {
                // as the README tells a receiver to check it
                Path body = Files.writeString(folder.resolve("body.json"), delivered.get(0).body());
                Process openssl = new ProcessBuilder("/usr/bin/openssl", "dgst", "-sha256", "-hmac", SECRET,
                        body.toString()).redirectErrorStream(true).start();
                String digest = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                assertThat(openssl.waitFor()).isZero();
                assertThat(delivered.get(0).signature()).isEqualTo("sha256=" + digest.replaceAll("^.*= ", ""));
            }

            List<JsonNode> events = delivered.stream().map(r -> JSON.readTree(r.body())).toList();
            List<JsonNode> completed = ofType(events, "run.completed");
            assertThat(completed.stream().map(e -> e.get("business_date").asString())).containsExactlyElementsOf(DATES);
            for (JsonNode event : completed) {
                String date = event.get("business_date").asString();
                assertThat(event.get("data").get("revision").asInt()).isEqualTo(1);
                assertThat(event.get("data").get("escalations").asLong()).as(date)
                        .isEqualTo(ledgerRows(date, "escalations.csv"));
                assertThat(event.get("data").get("bundle").asString()).endsWith(date);
                assertThat(event.get("data").get("url").asString()).isEqualTo(DESK + "/runs");
            }

            // case.opened / case.reopened: the HIGH cases (recon.notify.min-priority), once per opening
            // (the priority of the date that opened it: a case opened NORMAL that turns HIGH later is not told)
            Map<String, Integer> expectedOpenings = new HashMap<>();
            store.jdbc().query("SELECT e.case_id FROM recon_case_event e JOIN recon_case_day d "
                    + "ON d.case_id = e.case_id AND d.business_date = e.business_date "
                    + "WHERE e.action IN ('opened', 'reopened') AND d.priority = 'HIGH'",
                    rs -> { expectedOpenings.merge(rs.getString(1), 1, Integer::sum); });
            assertThat(expectedOpenings).as("the sample opens HIGH cases").isNotEmpty();
            List<String[]> cases = csv(Recon.run(store, "cases", "list", "--all", "--format", "csv").out());
            List<String> header = List.of(cases.get(0));
            Map<String, Integer> openings = new HashMap<>();
            for (JsonNode event : events) {
                String type = event.get("type").asString();
                if (type.equals("case.opened") || type.equals("case.reopened")) {
                    JsonNode data = event.get("data");
                    openings.merge(data.get("case_id").asString(), 1, Integer::sum);
                    assertThat(data.get("priority").asString()).isEqualTo("HIGH");
                    assertThat(data.get("url").asString()).isEqualTo(DESK + "/cases/" + data.get("case_id").asString());
                    assertThat(iterable(data.propertyNames())).containsAll(com.retail.recon.cases.CaseListing.CASE_COLUMNS);
                }
            }
            assertThat(openings).isEqualTo(expectedOpenings);

            // case.overdue: once per case and due date, on a date past it while OPEN or IN_PROGRESS
            List<JsonNode> overdue = ofType(events, "case.overdue");
            Set<String> overdueKeys = new HashSet<>();
            for (JsonNode event : overdue) {
                JsonNode data = event.get("data");
                assertThat(LocalDate.parse(data.get("due_on").asString()))
                        .isBefore(LocalDate.parse(event.get("business_date").asString()));
                assertThat(data.get("state").asString()).isIn("OPEN", "IN_PROGRESS");
                assertThat(data.get("overdue").asBoolean()).isTrue();
                assertThat(overdueKeys.add(data.get("case_id").asString() + "@" + data.get("due_on").asString()))
                        .as("told once").isTrue();
            }
            List<String[]> overdueNow = csv(Recon.run(store, "cases", "list", "--overdue", "--format", "csv").out());
            assertThat(overdueNow).as("the sample ends with an overdue case").hasSizeGreaterThan(1);
            for (String[] row : overdueNow.subList(1, overdueNow.size())) {
                assertThat(overdueKeys).contains(row[0] + "@" + row[header.indexOf("due_on")]);
            }

            // a rerun records the new revision's run.completed, and tells nothing else again
            int before = receiver.delivered().size();
            Recon.Outcome rerun = Recon.run(store, withStore(store, List.of("rerun", "--date=2026-11-22",
                    "--inbox=" + INBOX, "--archive=" + folder.resolve("archive"), "-q"), webhook(receiver.url())));
            assertThat(rerun.exitCode()).as(rerun.err()).isZero();
            List<JsonNode> afterRerun = receiver.delivered().subList(before, receiver.delivered().size()).stream()
                    .map(r -> JSON.readTree(r.body())).toList();
            assertThat(afterRerun).hasSize(1);
            assertThat(afterRerun.get(0).get("type").asString()).isEqualTo("run.completed");
            assertThat(afterRerun.get(0).get("data").get("revision").asInt()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aRunKilledAfterWritingItsOutbox_theNextCommandSendsExactlyThePendingOnes(Function<Path, TestStore> kind)
            throws Exception {
        TestStore store = kind.apply(folder);
        try (WebhookReceiver receiver = WebhookReceiver.start(0, 204)) {
            List<String> args = new ArrayList<>(List.of("run", "--date=" + DATES.get(0), "--inbox=" + INBOX,
                    "--archive=" + folder.resolve("archive"), "--recon.fault.halt-step=notify"));
            args.addAll(webhook(receiver.url()));
            int killed = SeparateJvm.run(store, folder.resolve("killed.log"), args.toArray(String[]::new));
            assertThat(killed).as(Files.readString(folder.resolve("killed.log"))).isEqualTo(137);
            Map<String, String> pending = deliveries(store);
            assertThat(pending).as("the outbox committed with the date").isNotEmpty();
            assertThat(pending.values()).containsOnly("PENDING");
            assertThat(receiver.requests()).as("killed before sending").isEmpty();

            Recon.Outcome restarted = Recon.run(store, withStore(store, List.of("restart", "--date=" + DATES.get(0)),
                    webhook(receiver.url())));
            assertThat(restarted.exitCode()).as(restarted.err()).isZero();
            assertThat(restarted.out()).contains("already completed");
            assertThat(receiver.requests().stream().map(WebhookReceiver.Request::delivery))
                    .containsExactlyInAnyOrderElementsOf(pending.keySet());
            assertThat(deliveries(store).values()).containsOnly("DELIVERED");

            Recon.Outcome again = Recon.run(store, withStore(store, List.of("restart", "--date=" + DATES.get(0)),
                    webhook(receiver.url())));
            assertThat(again.exitCode()).isZero();
            assertThat(receiver.requests()).as("nothing is sent twice").hasSize(pending.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aReceiverDownForAWholeRun_theRunSucceeds_countsThePending_andNotifyRetryDelivers(
            Function<Path, TestStore> kind) throws Exception {
        TestStore store = kind.apply(folder);
        int port = WebhookReceiver.closedPort();
        String url = "http://127.0.0.1:" + port + "/hooks/recon?token=path-secret";
        Recon.Outcome outcome = run(store, DATES.get(0), webhook(url));
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        int pending = deliveries(store).size();
        assertThat(pending).isPositive();
        assertThat(deliveries(store).values()).containsOnly("PENDING");
        assertThat(outcome.err()).contains("warning: notifications not delivered: " + pending + " pending");
        JsonNode runJson = JSON.readTree(Files.readString(folder.resolve("archive").resolve(DATES.get(0) + ".run.json")));
        assertThat(runJson.get("notifications").get("pending").asLong()).isEqualTo(pending);
        assertThat(store.jdbc().queryForObject("SELECT MAX(attempts) FROM recon_notify_delivery", Integer.class))
                .as("the first delivery tried 3 times (recon.notify.retry.tries); the ones behind it waited")
                .isEqualTo(3);

        Recon.Outcome status = Recon.run(store, withStore(store, List.of("status"), webhook(url)));
        assertThat(status.out()).contains("notifications not delivered: " + pending + " pending, 0 failed");
        Recon.Outcome listed = Recon.run(store, withStore(store, List.of("notify", "status"), webhook(url)));
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("pending " + pending + ", failed 0").contains("PENDING")
                .contains("http://127.0.0.1:" + port + "/…").contains("ConnectException")
                .doesNotContain("path-secret").doesNotContain(SECRET);

        try (WebhookReceiver receiver = WebhookReceiver.startOn(port)) {
            Recon.Outcome retried = Recon.run(store, withStore(store, List.of("notify", "retry"), webhook(url)));
            assertThat(retried.exitCode()).as(retried.out() + retried.err()).isZero();
            assertThat(retried.out()).contains(pending + " delivered, 0 pending, 0 failed");
            assertThat(receiver.delivered()).hasSize(pending);
            assertThat(deliveries(store).values()).containsOnly("DELIVERED");
        }
    }

    @Test
    void aReceiverThatRefusesForGood_failsTheDelivery_withTheFirst200CharactersOfItsAnswer() throws Exception {
        TestStore store = TestStore.h2(folder);
        int port;
        try (WebhookReceiver refusing = WebhookReceiver.start(1_000, 410)) {
            port = refusing.port();
            Recon.Outcome outcome = run(store, DATES.get(0), webhook(refusing.url()));
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(refusing.requests()).as("a 4xx is not tried again").hasSize(deliveries(store).size());
        }
        assertThat(deliveries(store).values()).containsOnly("FAILED");
        String error = store.jdbc().queryForObject("SELECT MIN(last_error) FROM recon_notify_delivery", String.class);
        assertThat(error).startsWith("HTTP 410: {\"error\": \"busy busy").hasSizeLessThanOrEqualTo("HTTP 410: ".length() + 200 + 1)
                .endsWith("…");
        String url = "http://127.0.0.1:" + port + "/hooks/recon?token=path-secret";
        Recon.Outcome listed = Recon.run(store, withStore(store, List.of("notify", "status"), webhook(url)));
        assertThat(listed.out()).contains("FAILED").contains("HTTP 410");

        try (WebhookReceiver back = WebhookReceiver.startOn(port)) {
            Recon.Outcome plain = Recon.run(store, withStore(store, List.of("notify", "retry"), webhook(url)));
            assertThat(plain.exitCode()).as("failed ones wait for --failed").isEqualTo(1);
            assertThat(back.requests()).isEmpty();
            Recon.Outcome retried = Recon.run(store, withStore(store, List.of("notify", "retry", "--failed"),
                    webhook(url)));
            assertThat(retried.exitCode()).as(retried.out()).isZero();
            assertThat(back.delivered()).hasSize(deliveries(store).size());
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        TestStore store = TestStore.h2(folder);
        try (WebhookReceiver moved = WebhookReceiver.start(1_000, 302)) {
            Recon.Outcome outcome = run(store, DATES.get(0), webhook(moved.url()));
            assertThat(outcome.exitCode()).isZero();
            assertThat(moved.requests()).hasSize(deliveries(store).size());
        }
        assertThat(deliveries(store).values()).containsOnly("FAILED");
        assertThat(store.jdbc().queryForObject("SELECT MIN(last_error) FROM recon_notify_delivery", String.class))
                .contains("HTTP 302").contains("is not followed").contains("http://elsewhere.example/…")
                .doesNotContain("secret-token");
    }

    @Test
    void webhookSettingsAreCheckedAtStartUp() {
        TestStore store = TestStore.h2(folder);
        Recon.Outcome ftp = Recon.run(store, "status", "--recon.notify.webhooks[0].url=ftp://files.example.com/x",
                "--recon.notify.webhooks[0].secret=" + SECRET);
        assertThat(ftp.exitCode()).isEqualTo(2);
        assertThat(ftp.err()).contains("recon.notify.webhooks.0.url").contains("http:// or https://")
                .doesNotContain(SECRET);
        Recon.Outcome noSecret = Recon.run(store, "status", "--recon.notify.webhooks[0].url=https://x.example/h");
        assertThat(noSecret.exitCode()).isEqualTo(2);
        assertThat(noSecret.err()).contains("recon.notify.webhooks.0.secret");
        Recon.Outcome unknownEvent = Recon.run(store, "status", "--recon.notify.webhooks[0].url=https://x.example/h",
                "--recon.notify.webhooks[0].secret=" + SECRET, "--recon.notify.webhooks[0].events=case.closed");
        assertThat(unknownEvent.exitCode()).isEqualTo(2);
        assertThat(unknownEvent.err()).contains("recon.notify.webhooks.0").contains("event types");
        Recon.Outcome noSender = Recon.run(store, "status", "--recon.notify.email.to=ops@example.com");
        assertThat(noSender.exitCode()).isEqualTo(2);
        assertThat(noSender.err()).contains("recon.notify.email.from");
    }

    // --- e-mail --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void oneEmailPerCompletedDate_withAPlainTextAndAnHtmlPart(Function<Path, TestStore> kind) throws Exception {
        TestStore store = kind.apply(folder);
        MAIL.reset();
        List<String> mail = List.of("--recon.notify.email.to=ops@example.com,cs-lead@example.com",
                "--recon.notify.email.from=recon@example.com", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + MAIL.getSmtp().getPort(), "--recon.desk.url=" + DESK);
        for (int i = 0; i < DATES.size(); i++) {
            String date = DATES.get(i);
            Recon.Outcome outcome = run(store, date, mail);
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            // GreenMail keeps one copy per recipient: a message is told apart by its delivery id
            Map<String, MimeMessage> received = new java.util.LinkedHashMap<>();
            for (MimeMessage each : MAIL.getReceivedMessages()) {
                received.putIfAbsent(each.getHeader("X-Recon-Delivery")[0], each);
            }
            assertThat(received).as("one message per date").hasSize(i + 1);
            assertThat(MAIL.getReceivedMessages()).as("to both recipients").hasSize(2 * (i + 1));
            MimeMessage message = new ArrayList<>(received.values()).get(i);

            long newHigh = store.jdbc().queryForObject("SELECT COUNT(*) FROM recon_case_day WHERE business_date = ? "
                    + "AND priority = 'HIGH' AND state = 'OPEN' AND (opened_on = ? OR reopened_on = ?)", Long.class,
                    LocalDate.parse(date), LocalDate.parse(date), LocalDate.parse(date));
            List<String[]> overdue = csv(Recon.run(store, "cases", "list", "--overdue", "--format", "csv").out());
            assertThat(message.getSubject())
                    .isEqualTo("recon " + date + ": " + newHigh + " new HIGH, " + (overdue.size() - 1) + " overdue");
            assertThat(message.getFrom()[0].toString()).isEqualTo("recon@example.com");
            assertThat(message.getAllRecipients()).hasSize(2);
            assertThat(message.getHeader("X-Recon-Delivery")).hasSize(1);

            Multipart parts = (Multipart) message.getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            BodyPart text = parts.getBodyPart(0);
            BodyPart html = parts.getBodyPart(1);
            assertThat(text.getContentType()).startsWith("text/plain");
            assertThat(html.getContentType()).startsWith("text/html");
            String plain = (String) text.getContent();
            assertThat(plain).contains("New HIGH cases of " + date + ": " + newHigh)
                    .contains("Overdue cases").contains("The day").contains("escalations  "
                            + ledgerRows(date, "escalations.csv"));
            for (String[] row : overdue.subList(1, overdue.size())) {
                assertThat(plain).contains(DESK + "/cases/" + row[0]);
                assertThat((String) html.getContent()).contains("<a href=\"" + DESK + "/cases/" + row[0] + "\">");
            }
            assertThat((String) html.getContent()).startsWith("<!DOCTYPE html>").contains("<table");
            if (i == DATES.size() - 1) {
                Files.writeString(Path.of("target", "notify-sample-mail.eml"), GreenMailUtil.getWholeMessage(message));
            }
        }
        assertThat(deliveries(store).values()).containsOnly("DELIVERED");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Recon.Outcome run(TestStore store, String date, List<String> notify) {
        return Recon.run(store, withStore(store, List.of("run", "--date=" + date, "--inbox=" + INBOX,
                "--archive=" + folder.resolve("archive"), "-q"), notify));
    }

    private static String[] withStore(TestStore store, List<String> command, List<String> more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(more);
        return all.toArray(String[]::new);
    }

    private static List<String> webhook(String url) {
        return List.of("--recon.notify.webhooks[0].url=" + url, "--recon.notify.webhooks[0].secret=" + SECRET,
                "--recon.notify.retry.backoff=200ms", "--recon.notify.retry.budget=10s",
                "--recon.notify.retry.timeout=2s", "--recon.desk.url=" + DESK);
    }

    /** delivery_id -> state. */
    private static Map<String, String> deliveries(TestStore store) {
        Map<String, String> states = new HashMap<>();
        store.jdbc().query("SELECT delivery_id, state FROM recon_notify_delivery",
                rs -> { states.put(rs.getString(1), rs.getString(2)); });
        return states;
    }

    private long ledgerRows(String date, String ledger) throws Exception {
        return csv(Files.readString(folder.resolve("archive").resolve(date).resolve("data/ledgers").resolve(ledger)))
                .size() - 1;
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asString().equals(type)).collect(Collectors.toList());
    }

    private static <T> Iterable<T> iterable(java.util.Collection<T> items) {
        return items;
    }

    /** HMAC-SHA256 as openssl dgst -sha256 -hmac computes it, written here without recon's code. */
    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static List<String[]> csv(String text) throws Exception {
        try (CSVReader reader = new CSVReader(new StringReader(text))) {
            return reader.readAll();
        }
    }
}
