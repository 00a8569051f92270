package com.retail.recon.scaleout;

import com.retail.recon.archive.BagVerifier;
import com.retail.recon.ledger.Ledger;
import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.SeparateJvm;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out on loopback: a manager ({@code --workers remote}) and {@code recon worker} JVMs sharing one
 * PostgreSQL schema and one RabbitMQ queue (a fresh queue per test, deleted afterwards).
 * <p>
 * What the tests pin down (observed behaviour, not only intent):
 * <ul>
 *   <li>Two workers and a manager produce the same bundle payload (ledgers, receipts, report.pdf, manifest)
 *       byte for byte as a single-process run of the same inbox; both workers run partitions, every partition
 *       runs exactly once and in a worker, never in the manager; no store table has a row more or less.</li>
 *   <li>The only worker halts (exit 137) inside a reconcile partition's second chunk: its unacknowledged
 *       request goes back to the queue, nobody takes it, and the manager gives up after
 *       {@code recon.workers.timeout}: the run fails with exit 1 and is restartable. {@code recon restart
 *       --workers remote} with a healthy worker then finishes the date with the expected ledgers; the healthy
 *       worker drops the stale requests of the failed execution (its job is no longer running) and runs only
 *       the unfinished reconcile partitions: nothing completed is redone, no row is duplicated.</li>
 *   <li>Of two workers, one halts mid-partition: RabbitMQ redelivers its request to the other, which continues
 *       the same step execution from its last committed chunk; the run completes without a restart, with the
 *       expected ledgers and no duplicated rows.</li>
 * </ul>
 * Skipped when no RabbitMQ broker answers at 127.0.0.1:5672 (or RECON_TEST_RABBITMQ_HOST/_PORT), unless
 * RECON_REQUIRE_RABBITMQ is set (CI), then it fails. Leaves target/distributed-tests-ran when it runs.
 */
class DistributedRunTests {

    private static final Path INBOX = Path.of("sample-data", "inbox");
    private static final Path EXPECTED = Path.of("sample-data", "expected");
    private static final String DATE = "2026-11-20";
    private static final String RABBIT_HOST = System.getenv().getOrDefault("RECON_TEST_RABBITMQ_HOST", "127.0.0.1");
    private static final int RABBIT_PORT =
            Integer.parseInt(System.getenv().getOrDefault("RECON_TEST_RABBITMQ_PORT", "5672"));
    /** The store's tables (not Spring Batch's): a duplicated or lost row shows in one of their counts. */
    private static final List<String> TABLES = List.of("order_line", "cancellation", "refund", "ingest_count",
            "ingest_reject", "recon_candidate", "recon_request", "recon_refund", "recon_exception",
            "recon_receipt_line", "business_day");
    private static final Pattern PARTITION_DONE = Pattern.compile("(\\S+-partition:partition\\d+) COMPLETED");

    @TempDir
    Path folder;

    private String queue;
    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void brokerAnswers() throws IOException {
        com.rabbitmq.client.ConnectionFactory factory = broker();
        try (com.rabbitmq.client.Connection ignored = factory.newConnection("recon-tests-probe")) {
            // reachable, and guest/guest is accepted
        } catch (Exception e) {
            if (System.getenv("RECON_REQUIRE_RABBITMQ") != null) {
                throw new IllegalStateException("RabbitMQ is required (RECON_REQUIRE_RABBITMQ) but " + RABBIT_HOST
                        + ":" + RABBIT_PORT + " does not answer: " + e, e);
            }
            Assumptions.abort("distributed tests skipped: no RabbitMQ at " + RABBIT_HOST + ":" + RABBIT_PORT
                    + " (" + e + ")");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "distributed-tests-ran"), RABBIT_HOST + ":" + RABBIT_PORT + "\n");
    }

    @BeforeEach
    void freshQueue() {
        queue = "recon.test." + UUID.randomUUID();
    }

    /** Every worker this test started is killed, and its queue deleted, whatever happened. */
    @AfterEach
    void stopWorkers() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (com.rabbitmq.client.Connection connection = broker().newConnection("recon-tests-cleanup");
             com.rabbitmq.client.Channel channel = connection.createChannel()) {
            channel.queueDelete(queue);
        }
    }

    @Test
    void aManagerAndTwoWorkerJvmsOnLoopback_giveTheSameBundleAsASingleProcessRun() throws Exception {
        TestStore distributed = TestStore.postgres();
        TestStore single = TestStore.postgres();
        Path archive = folder.resolve("distributed");
        Path reference = folder.resolve("single");
        Process first = worker(distributed, "worker-1", "--recon.workers.threads=2");
        Process second = worker(distributed, "worker-2", "--recon.workers.threads=2");
        // the single-process reference runs while the workers start
        Recon.Outcome alone = Recon.run(single, "run", "--date=2026-11-21", "--catch-up", "--inbox=" + INBOX,
                "--archive=" + reference, "--recon.partitions=4", "--recon.partition.min-file-bytes=256");
        phase("single-process run done");
        awaitReady(first, "worker-1");
        awaitReady(second, "worker-2");
        phase("workers ready");

        Recon.Outcome run = Recon.run(distributed, "run", "--date=2026-11-21", "--catch-up", "--inbox=" + INBOX,
                "--archive=" + archive, "--workers", "remote", "--recon.partitions=4",
                "--recon.partition.min-file-bytes=256", "--recon.workers.poll-interval=200ms",
                "--recon.workers.queue=" + queue);
        phase("distributed run done");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        for (String date : List.of("2026-11-20", "2026-11-21")) {
            Path bundle = archive.resolve(date);
            assertThat(BagVerifier.verify(bundle)).isEmpty();
            assertThat(payload(bundle)).as("ledgers, receipts and report of " + date)
                    .isEqualTo(payload(reference.resolve(date)));
            assertThat(Files.readString(bundle.resolve("manifest-sha256.txt")))
                    .isEqualTo(Files.readString(reference.resolve(date).resolve("manifest-sha256.txt")));
            assertLedgersAsExpected(bundle, date);
        }
        assertThat(listing(archive.resolve("2026-11-20/data/receipts"))).hasSize(4);
        assertThat(tableCounts(distributed)).as("no row duplicated or lost").isEqualTo(tableCounts(single));
        assertThat(distributed.jdbc().queryForObject("SELECT COUNT(*) FROM order_line", Long.class))
                .as("each accepted order line stored once").isEqualTo(60L + 38);

        List<String> ranFirst = partitionsRan(log("worker-1"));
        List<String> ranSecond = partitionsRan(log("worker-2"));
        assertThat(ranFirst).as("worker 1 ran partitions").isNotEmpty();
        assertThat(ranSecond).as("worker 2 ran partitions").isNotEmpty();
        List<String> ranInWorkers = new ArrayList<>(ranFirst);
        ranInWorkers.addAll(ranSecond);
        assertThat(ranInWorkers).as("every partition ran once, in a worker (none in the manager)")
                .containsExactlyInAnyOrderElementsOf(completedPartitions(distributed));
        assertThat(ranInWorkers).as("both dates' ingest and reconcile partitions")
                .anyMatch(s -> s.startsWith("ingest-orders-partition:"))
                .anyMatch(s -> s.startsWith("ingest-cancellations-partition:"))
                .anyMatch(s -> s.startsWith("ingest-refunds-partition:"))
                .anyMatch(s -> s.startsWith("reconcile-partition:"))
                .hasSizeGreaterThanOrEqualTo(8 * 2);
        assertThat(first.isAlive() && second.isAlive()).as("workers keep running after the run").isTrue();

        // each worker is scraped on its management port: health, and the partitions it ran as Spring Batch timed them
        for (String worker : List.of("worker-1", "worker-2")) {
            String port = managementPort(worker);
            assertThat(scrape(port, "/actuator/health")).isEqualTo("{\"status\":\"UP\"}");
            List<String> ran = partitionsRan(log(worker));
            String metrics = scrape(port, "/actuator/prometheus");
            for (String partition : ran.stream().distinct().toList()) {
                assertThat(metrics).as(worker + " timed " + partition).containsPattern(
                        "(?m)^spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\""
                                + Pattern.quote(partition) + "\"[^}]*spring_batch_step_status=\"COMPLETED\"[^}]*} [1-9]");
            }
            assertThat(metrics).containsPattern("(?m)^recon_last_business_date\\{store=\"[^\"]+\"} "
                    + java.time.LocalDate.parse("2026-11-21").toEpochDay());
        }
    }

    /** The worker's banner names where its metrics are: http://ADDRESS:PORT/actuator/prometheus. */
    private String managementPort(String worker) throws IOException {
        Matcher banner = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/actuator/prometheus")
                .matcher(log(worker));
        assertThat(banner.find()).as(worker + "'s banner names its metrics port").isTrue();
        return banner.group(1);
    }

    private static String scrape(String port, String path) throws IOException {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void theOnlyWorkerKilledMidPartition_failsTheRunAfterTheTimeout_andARestartWithAHealthyWorkerFinishesIt()
            throws Exception {
        TestStore store = TestStore.postgres();
        Path archive = folder.resolve("archive");
        Process doomed = worker(store, "doomed", "--recon.workers.threads=1", "--recon.chunk-size=4",
                "--recon.fault.halt-step=reconcile", "--recon.fault.halt-at-write=2");
        Map<String, Long> expectedCounts = referenceCounts();   // while the worker starts
        awaitReady(doomed, "doomed");
        phase("doomed worker ready");

        long started = System.nanoTime();
        Recon.Outcome run = Recon.run(store, "run", "--date=" + DATE, "--inbox=" + INBOX, "--archive=" + archive,
                "--workers", "remote", "--recon.partitions=2", "--recon.partition.min-file-bytes=256",
                "--recon.chunk-size=4", "--recon.workers.poll-interval=200ms", "--recon.workers.timeout=8s",
                "--recon.workers.queue=" + queue);

        phase("manager gave up");
        assertThat(doomed.waitFor(5, TimeUnit.SECONDS)).as("the worker halted").isTrue();
        assertThat(doomed.exitValue()).as(log("doomed")).isEqualTo(137);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out() + run.err()).contains("recon restart --date " + DATE)
                .contains("the partitions of reconcile did not all finish within recon.workers.timeout (PT8S): "
                        + "is a recon worker running on queue " + queue + "?");
        assertThat(System.nanoTime() - started).as("the manager waited for the timeout, no longer than needed")
                .isGreaterThan(TimeUnit.SECONDS.toNanos(8)).isLessThan(TimeUnit.SECONDS.toNanos(60));
        assertThat(archive.resolve(DATE)).doesNotExist();
        assertThat(Recon.run(store, "status", "--date=" + DATE).out()).contains("FAILED");

        Process healthy = worker(store, "healthy", "--recon.workers.threads=2", "--recon.chunk-size=4");
        Recon.Outcome restarted = Recon.run(store, "restart", "--date=" + DATE, "--workers", "remote",
                "--recon.workers.poll-interval=200ms", "--recon.workers.queue=" + queue);

        phase("restart done");
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
        assertLedgersAsExpected(archive.resolve(DATE), DATE);
        assertThat(BagVerifier.verify(archive.resolve(DATE))).isEmpty();
        assertThat(listing(archive)).containsExactly(DATE, DATE + ".run.json");
        assertThat(listing(archive.resolve(DATE).resolve("data/receipts"))).hasSize(4);
        assertThat(tableCounts(store)).as("no row duplicated or lost").isEqualTo(expectedCounts);
        assertThat(partitionsRan(log("healthy"))).as("only the unfinished reconcile partitions ran again")
                .isNotEmpty().allMatch(s -> s.startsWith("reconcile-partition:"));
        assertThat(log("healthy")).as("the failed execution's leftover requests are dropped")
                .contains("dropped a request for reconcile-partition");
        assertThat(healthy.isAlive()).isTrue();
    }

    @Test
    void oneOfTwoWorkersKilledMidPartition_theOtherContinuesItsPartition_andTheRunCompletes() throws Exception {
        TestStore store = TestStore.postgres();
        Path archive = folder.resolve("archive");
        Process doomed = worker(store, "doomed", "--recon.workers.threads=1", "--recon.chunk-size=4",
                "--recon.fault.halt-step=reconcile", "--recon.fault.halt-at-write=2");
        Process healthy = worker(store, "healthy", "--recon.workers.threads=1", "--recon.chunk-size=4");
        Map<String, Long> expectedCounts = referenceCounts();   // while the workers start
        awaitReady(doomed, "doomed");
        awaitReady(healthy, "healthy");
        phase("workers ready");

        Recon.Outcome run = Recon.run(store, "run", "--date=" + DATE, "--inbox=" + INBOX, "--archive=" + archive,
                "--workers", "remote", "--recon.partitions=2", "--recon.partition.min-file-bytes=256",
                "--recon.chunk-size=4", "--recon.workers.poll-interval=200ms", "--recon.workers.timeout=60s",
                "--recon.workers.queue=" + queue);

        phase("run done");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(doomed.waitFor(5, TimeUnit.SECONDS)).as("the doomed worker took a reconcile partition").isTrue();
        assertThat(doomed.exitValue()).isEqualTo(137);
        assertThat(partitionsRan(log("doomed"))).noneMatch(s -> s.startsWith("reconcile-partition:"));
        assertThat(partitionsRan(log("healthy"))).as("the healthy worker finished both reconcile partitions")
                .contains("reconcile-partition:partition0", "reconcile-partition:partition1");
        assertLedgersAsExpected(archive.resolve(DATE), DATE);
        assertThat(BagVerifier.verify(archive.resolve(DATE))).isEmpty();
        assertThat(tableCounts(store)).as("no row duplicated or lost").isEqualTo(expectedCounts);
        assertThat(store.jdbc().queryForObject("SELECT SUM(read_count) FROM batch_step_execution "
                + "WHERE step_name LIKE 'reconcile-partition:%'", Long.class))
                .as("no order of the redelivered partition was read twice").isEqualTo(16L);
        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM batch_step_execution "
                + "WHERE step_name LIKE 'reconcile-partition:%'", Long.class))
                .as("the redelivered partition continued in the same step execution").isEqualTo(2L);
        assertThat(healthy.isAlive()).isTrue();
    }

    @Test
    void aWholeFileProblemFoundByAWorker_stopsTheRunWithExit3_namingTheFirstBadLine() throws Exception {
        TestStore store = TestStore.postgres();
        Path inbox = folder.resolve("inbox");
        for (String name : List.of("orders.csv", "cancellations.csv", "refunds.csv")) {
            Path from = INBOX.resolve(DATE).resolve(name);
            Path to = inbox.resolve(DATE).resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        }
        // a truncated export: the last record of the file opens a quoted field that never closes
        Files.writeString(inbox.resolve(DATE).resolve("refunds.csv"),
                "TX-CUT,112-1,,ORIGINAL_PAYMENT,\"1.00\n", java.nio.file.StandardOpenOption.APPEND);
        long lines = Files.readAllLines(inbox.resolve(DATE).resolve("refunds.csv")).size();
        Process worker = worker(store, "worker", "--recon.workers.threads=2");
        awaitReady(worker, "worker");

        Recon.Outcome run = Recon.run(store, "run", "--date=" + DATE, "--inbox=" + inbox,
                "--archive=" + folder.resolve("archive"), "--workers", "remote", "--recon.partitions=2",
                "--recon.partition.min-file-bytes=256", "--recon.workers.poll-interval=200ms",
                "--recon.workers.timeout=60s", "--recon.workers.queue=" + queue);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).contains("refunds.csv line " + lines + ": a quoted field is not terminated");
        assertThat(partitionsRan(log("worker"))).as("the partitions of the bad file ran in the worker")
                .contains("ingest-refunds-partition:partition0");
        assertThat(folder.resolve("archive").resolve(DATE)).doesNotExist();
    }

    // --- helpers ---

    /** Store table counts after a single-process run of DATE, computed once. */
    private static Map<String, Long> reference;

    @TempDir
    static Path shared;

    private static synchronized Map<String, Long> referenceCounts() {
        if (reference == null) {
            TestStore store = TestStore.postgres();
            Recon.Outcome run = Recon.run(store, "run", "--date=" + DATE, "--inbox=" + INBOX,
                    "--archive=" + shared.resolve("reference"), "--recon.partitions=2",
                    "--recon.partition.min-file-bytes=256", "--recon.chunk-size=4");
            assertThat(run.exitCode()).as(run.err()).isZero();
            reference = tableCounts(store);
        }
        return reference;
    }

    private static com.rabbitmq.client.ConnectionFactory broker() {
        com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setHost(RABBIT_HOST);
        factory.setPort(RABBIT_PORT);
        factory.setUsername(System.getenv().getOrDefault("RECON_TEST_RABBITMQ_USER", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RECON_TEST_RABBITMQ_PASSWORD", "guest"));
        factory.setConnectionTimeout(2000);
        return factory;
    }

    private Process worker(TestStore store, String name, String... settings) throws IOException {
        List<String> args = new ArrayList<>(List.of("worker", "--recon.workers.queue=" + queue,
                "--spring.rabbitmq.host=" + RABBIT_HOST, "--spring.rabbitmq.port=" + RABBIT_PORT,
                "--management.server.port=0"));
        args.addAll(List.of(settings));
        Process process = SeparateJvm.start(store, folder.resolve(name + ".log"), args.toArray(String[]::new));
        processes.add(process);
        return process;
    }

    /** The worker prints its banner once its listeners consume from the queue. */
    private void awaitReady(Process worker, String name) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (log(name).contains("recon worker: running partitions")) {
                return;
            }
            if (!worker.isAlive()) {
                throw new AssertionError(name + " exited " + worker.exitValue() + ":\n" + log(name));
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " never became ready:\n" + log(name));
    }

    private final long testStart = System.nanoTime();

    private void phase(String what) {
        System.err.printf("[distributed] %5.1f s %s%n", (System.nanoTime() - testStart) / 1e9, what);
    }

    private String log(String name) throws IOException {
        Path file = folder.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static List<String> partitionsRan(String log) {
        List<String> ran = new ArrayList<>();
        Matcher matcher = PARTITION_DONE.matcher(log);
        while (matcher.find()) {
            ran.add(matcher.group(1));
        }
        return ran;
    }

    private static List<String> completedPartitions(TestStore store) {
        return store.jdbc().queryForList("SELECT step_name FROM batch_step_execution "
                + "WHERE step_name LIKE '%-partition:%' AND status = 'COMPLETED'", String.class);
    }

    private static Map<String, Long> tableCounts(TestStore store) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, store.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    private static void assertLedgersAsExpected(Path bundle, String date) throws IOException {
        for (Ledger ledger : Ledger.values()) {
            assertThat(Files.readString(bundle.resolve("data/ledgers").resolve(ledger.fileName())))
                    .as(date + " " + ledger.fileName())
                    .isEqualTo(Files.readString(EXPECTED.resolve(date).resolve(ledger.fileName())));
        }
    }

    /** Every payload file (data/...) by its path in the bag, with the SHA-256 of its bytes. */
    private static Map<String, String> payload(Path bundle) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(bundle.resolve("data"))) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                try {
                    files.put(bundle.relativize(file).toString(),
                            java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(Files.readAllBytes(file))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return files;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
