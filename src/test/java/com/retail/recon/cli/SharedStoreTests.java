package com.retail.recon.cli;

import com.retail.recon.nightly.Inbox;
import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.SeparateJvm;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store serves the desk and the other commands at once (issue 18, item 4): a real recon serve
 * process on the default H2 URL (application.yml's, AUTO_SERVER=TRUE), and recon run, cases, users and status
 * from this JVM and from other processes against the same file; and serve --schedule.
 */
class SharedStoreTests {

    private static final Path SAMPLE_INBOX = Path.of("sample-data/inbox").toAbsolutePath();

    @TempDir
    Path folder;

    private Process serve;

    @AfterEach
    void stopServe() throws InterruptedException {
        UsersCommand.stdin = System.in;
        if (serve != null && serve.isAlive()) {
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** The default store URL of application.yml, its relative file made absolute under {@code directory}. */
    static TestStore defaultStoreIn(Path directory) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String url = properties.getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:./recon-data/store;").contains(";AUTO_SERVER=TRUE")
                .contains(";LOCK_TIMEOUT=60000");
        String absolute = url.replace("./recon-data/store", directory.resolve("recon-data/store").toAbsolutePath().toString());
        return new TestStore("H2 default", absolute, "sa", List.of(
                "--spring.datasource.url=" + absolute, "--spring.datasource.username=sa", "--spring.datasource.password="));
    }

    private Recon.Outcome users(TestStore store, String password, String... args) {
        UsersCommand.stdin = new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8));
        List<String> all = new ArrayList<>(List.of("users"));
        all.addAll(List.of(args));
        return Recon.run(store, all.toArray(String[]::new));
    }

    /** recon serve in its own JVM, in {@code folder} with no store settings at all: application.yml's URL. */
    private int startServe(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--management.server.port=0"));
        args.addAll(List.of(extra));
        Path log = folder.resolve("serve.log");
        serve = SeparateJvm.start(new TestStore("default", "", "sa", List.of()), log, folder, args.toArray(String[]::new));
        Pattern started = Pattern.compile("the desk is at http://127\\.0\\.0\\.1:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher matcher = started.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            assertThat(serve.isAlive()).as("serve is running: %s", Files.exists(log) ? Files.readString(log) : "").isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("serve did not start in 120 s: " + Files.readString(log));
    }

    /** serve's banner names its management port: health and metrics at http://127.0.0.1:PORT/actuator/health. */
    private int managementPort() throws Exception {
        Matcher banner = Pattern.compile("health and metrics at http://127\\.0\\.0\\.1:(\\d+)/actuator/health")
                .matcher(Files.readString(folder.resolve("serve.log")));
        assertThat(banner.find()).as("serve's banner names its management port").isTrue();
        return Integer.parseInt(banner.group(1));
    }

    private static HttpResponse<String> get(int port, String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whileServeRuns_runCasesUsersAndStatusWorkOnTheSameEmbeddedStore_andEachSeesTheOthersChanges() throws Exception {
        TestStore store = defaultStoreIn(folder);
        assertThat(users(store, "first admin password", "add", "alice", "--role", "ADMIN", "--password-stdin")
                .exitCode()).isZero();
        int port = startServe();
        assertThat(get(port, "/api/runs", "alice", "first admin password").body()).isEqualTo("{\"runs\":[]}");
        assertThat(get(managementPort(), "/actuator/health", null, null).body()).isEqualTo("{\"status\":\"UP\"}");

        // the nightly run from this JVM: the desk's API sees it at once
        Recon.Outcome run = Recon.run(store, "run", "--date", "2026-11-20", "--inbox", SAMPLE_INBOX.toString(),
                "--archive", folder.resolve("archive").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        HttpResponse<String> runs = get(port, "/api/runs", "alice", "first admin password");
        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(runs.body()).contains("\"business_date\":\"2026-11-20\"").contains("\"state\":\"COMPLETED\"");

        // a user added while the desk runs can log in to it
        assertThat(users(store, "a finance password", "add", "fin", "--role", "FINANCE", "--password-stdin")
                .exitCode()).isZero();
        assertThat(get(port, "/api/runs", "fin", "a finance password").statusCode()).isEqualTo(200);

        // another process: cases ack, then the next date's run; this JVM and the desk see both
        long caseId = store.jdbc().queryForObject(
                "SELECT MIN(case_id) FROM recon_case WHERE state = 'OPEN'", Long.class);
        assertThat(SeparateJvm.run(store, folder.resolve("ack.log"), "cases", "ack", Long.toString(caseId),
                "--as", "ann")).as(Files.readString(folder.resolve("ack.log"))).isZero();
        assertThat(store.jdbc().queryForObject("SELECT state || ' ' || assignee FROM recon_case WHERE case_id = ?",
                String.class, caseId)).isEqualTo("IN_PROGRESS ann");
        assertThat(SeparateJvm.run(store, folder.resolve("run2.log"), "run", "--date", "2026-11-21",
                "--inbox", SAMPLE_INBOX.toString(), "--archive", folder.resolve("archive").toString()))
                .as(Files.readString(folder.resolve("run2.log"))).isZero();
        assertThat(get(port, "/api/runs", "fin", "a finance password").body())
                .contains("\"business_date\":\"2026-11-21\"");
        Recon.Outcome status = Recon.run(store, "status");
        assertThat(status.out()).contains("2026-11-20").contains("2026-11-21");
        assertThat(serve.isAlive()).isTrue();
    }

    @Test
    void onTheSharedStore_aCasesActionWaitsForTheNightsCasesStep_whileASecondRunOfADateIsRefusedAtOnce()
            throws Exception {
        TestStore store = defaultStoreIn(folder);
        assertThat(Recon.run(store, "run", "--date", "2026-11-20", "--inbox", SAMPLE_INBOX.toString(),
                "--archive", folder.resolve("archive").toString()).exitCode()).isZero();
        startServe();
        long caseId = store.jdbc().queryForObject("SELECT MIN(case_id) FROM recon_case WHERE state = 'OPEN'",
                Long.class);

        try (Connection night = DriverManager.getConnection(store.url(), "sa", "");
             Statement statement = night.createStatement()) {
            // what the night's cases step holds for its whole transaction (CaseStore.lockClock), and a run's lock
            night.setAutoCommit(false);
            statement.executeQuery("SELECT latest_date FROM recon_case_clock WHERE id = 1 FOR UPDATE").close();
            statement.executeUpdate("INSERT INTO run_lock (business_date) VALUES (DATE '2026-11-21')");
            night.commit();
            statement.executeQuery("SELECT latest_date FROM recon_case_clock WHERE id = 1 FOR UPDATE").close();
            statement.executeQuery("SELECT business_date FROM run_lock WHERE business_date = DATE '2026-11-21' "
                    + "FOR UPDATE").close();

            Recon.Outcome second = Recon.run(store, "run", "--date", "2026-11-21", "--inbox",
                    SAMPLE_INBOX.toString(), "--archive", folder.resolve("archive").toString());
            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err()).contains("another run of 2026-11-21 is in progress");

            CompletableFuture<Recon.Outcome> ack = CompletableFuture.supplyAsync(() ->
                    Recon.run(store, "cases", "ack", Long.toString(caseId), "--as", "ann"));
            long me = sessionId(night);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (blockedBy(store, me) == 0 && !ack.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(blockedBy(store, me)).as("the ack waits for the clock row").isPositive();
            Thread.sleep(4000); // twice H2's default lock timeout (2 s)
            assertThat(ack).as("the ack still waits").isNotDone();
            night.commit();
            Recon.Outcome acked = ack.get(60, TimeUnit.SECONDS);
            assertThat(acked.exitCode()).as(acked.err()).isZero();
            assertThat(acked.out()).contains("IN_PROGRESS, assignee ann");

            // held longer than the lock timeout (1 s here): refused, saying why, nothing changed
            statement.executeQuery("SELECT latest_date FROM recon_case_clock WHERE id = 1 FOR UPDATE").close();
            String impatient = store.url().replace(";LOCK_TIMEOUT=60000", ";LOCK_TIMEOUT=1000");
            Recon.Outcome refused = Recon.run(new TestStore("H2 1 s", impatient, "sa", List.of(
                    "--spring.datasource.url=" + impatient, "--spring.datasource.username=sa",
                    "--spring.datasource.password=")), "cases", "assign", Long.toString(caseId), "--to", "bob",
                    "--as", "ann");
            night.rollback();
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("another process held the rows this needs for longer than the "
                    + "store's lock timeout").contains("try again");
            assertThat(store.jdbc().queryForObject("SELECT assignee FROM recon_case WHERE case_id = ?", String.class,
                    caseId)).isEqualTo("ann");
        }
    }

    private static long sessionId(Connection connection) throws java.sql.SQLException {
        try (Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("SELECT SESSION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many sessions wait for a lock the given session holds. */
    private static int blockedBy(TestStore store, long session) {
        return store.jdbc().queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = ?",
                Integer.class, session);
    }

    @Test
    void serveWithSchedule_runsTheMissingDatesInOrderAtTheCronsTicks() throws Exception {
        LocalDate d1 = LocalDate.of(2026, 11, 20);
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(d1, 1).simpleDay(d1.plusDays(1), 2);
        TestStore store = defaultStoreIn(folder);
        assertThat(users(store, "first admin password", "add", "alice", "--role", "ADMIN", "--password-stdin")
                .exitCode()).isZero();
        int port = startServe("--schedule", "--cron", "*/2 * * * * *", "--inbox", inbox.root().toString(),
                "--archive", folder.resolve("archive").toString());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String runs = "";
        while (System.nanoTime() < deadline && !runs.contains("\"business_date\":\"2026-11-21\",\"attempt\":1,\"state\":\"COMPLETED\"")) {
            Thread.sleep(500);
            runs = get(port, "/api/runs", "alice", "first admin password").body();
        }
        assertThat(runs).contains("\"business_date\":\"2026-11-21\",\"attempt\":1,\"state\":\"COMPLETED\"")
                .contains("\"business_date\":\"2026-11-20\",\"attempt\":1,\"state\":\"COMPLETED\"");
        assertThat(folder.resolve("archive/2026-11-20/bagit.txt")).exists();
        assertThat(folder.resolve("archive/2026-11-21/bagit.txt")).exists();
        // the next ticks find nothing to do
        long quiet = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < quiet && !Files.readString(folder.resolve("serve.log")).contains("Nothing to do")) {
            Thread.sleep(200);
        }
        String log = Files.readString(folder.resolve("serve.log"));
        assertThat(log).contains("nightly schedule: */2 * * * * *").contains("next run at ")
                .contains("2026-11-20 completed").contains("2026-11-21 completed")
                .contains("Nothing to do: every inbox date up to");
        assertThat(log.indexOf("2026-11-20 completed")).isLessThan(log.indexOf("2026-11-21 completed"));
    }

    @Test
    void cronWithoutSchedule_orABadCron_isAUsageError() {
        Recon.Outcome alone = Recon.run(defaultStoreIn(folder), "serve", "--cron", "* * * * * *");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--cron needs --schedule");
        Recon.Outcome bad = Recon.run(defaultStoreIn(folder), "serve", "--schedule", "--cron", "every night");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--cron 'every night'");
    }
}
