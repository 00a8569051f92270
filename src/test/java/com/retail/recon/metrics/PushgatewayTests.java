package com.retail.recon.metrics;

import com.retail.recon.cases.CaseKind;
import com.retail.recon.cases.CaseState;
import com.retail.recon.cases.Priority;
import com.retail.recon.domain.InputFile;
import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import com.retail.recon.reconcile.FinanceException;
import com.retail.recon.reconcile.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What recon pushes, read back from a real Pushgateway (Debian's prometheus-pushgateway on a random loopback
 * port): after the sample inbox's nights, recon's gauges hold the figures of the sample's expected ledgers and
 * Spring Batch's job and step timers count the nights; two stores push into two groups; a failed night pushes
 * too and keeps its exit code; a Pushgateway that is down costs one warning line and changes nothing.
 */
class PushgatewayTests {

    private static Pushgateway gateway;

    @TempDir
    Path folder;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = Pushgateway.start();
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void afterTheSampleNights_theGatewayHoldsRecordsFiguresOfTheLatestNight_andSpringBatchsTimings() throws Exception {
        // given
        TestStore store = TestStore.h2(folder);
        Instant before = Instant.now();
        LocalDate latest = SampleNight.latest();
        // when
        Recon.Outcome run = Recon.run(store, pushingAs("sample", "run", "--date=" + latest, "--catch-up",
                "--inbox=" + SampleNight.INBOX, "--archive=" + folder.resolve("archive")));
        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("Pushgateway");
        Group sample = group("sample");
        assertThat(sample.value("recon_last_business_date", Map.of())).isEqualTo(latest.toEpochDay());
        assertThat(sample.value("recon_last_success_timestamp_seconds", Map.of()))
                .isBetween(before.getEpochSecond() - 1.0, Instant.now().getEpochSecond() + 1.0);
        assertThat(sample.value("recon_last_failure_timestamp_seconds", Map.of())).isZero();

        List<Map<String, String>> rejects = SampleNight.ledger(latest, "rejects.csv");
        for (InputFile file : InputFile.values()) {
            long rejected = SampleNight.count(rejects, Map.of("file", file.fileName()));
            long accepted = SampleNight.inputRows(latest, file) - rejected;
            assertThat(sample.value("recon_night_input_rows", Map.of("file", file.fileName(), "verdict", "rejected")))
                    .as(file + " rejected").isEqualTo(rejected);
            assertThat(sample.value("recon_night_input_rows", Map.of("file", file.fileName(), "verdict", "accepted")))
                    .as(file + " accepted").isEqualTo(accepted);
        }
        List<Map<String, String>> requests = SampleNight.ledger(latest, "cancellations.csv");
        for (Outcome outcome : Outcome.values()) {
            assertThat(sample.value("recon_night_requests", Map.of("outcome", outcome.name()))).as(outcome.name())
                    .isEqualTo(SampleNight.count(requests, Map.of("outcome", outcome.name())));
        }
        List<Map<String, String>> escalations = SampleNight.ledger(latest, "escalations.csv");
        for (Priority priority : Priority.values()) {
            for (String isNew : List.of("Y", "N")) {
                assertThat(sample.value("recon_night_escalations", Map.of("priority", priority.name(),
                        "new", String.valueOf(isNew.equals("Y"))))).as(priority + " new " + isNew)
                        .isEqualTo(SampleNight.count(escalations, Map.of("priority", priority.name(), "new", isNew)));
            }
        }
        List<Map<String, String>> exceptions = SampleNight.ledger(latest, "exceptions.csv");
        for (FinanceException.ExceptionType type : FinanceException.ExceptionType.values()) {
            assertThat(sample.value("recon_night_exceptions", Map.of("type", type.name()))).as(type.name())
                    .isEqualTo(SampleNight.count(exceptions, Map.of("exception_type", type.name())));
        }
        assertThat(sample.value("recon_night_receipts", Map.of())).isEqualTo(receiptsOf(latest));
        List<Map<String, String>> cases = SampleNight.cases();
        for (CaseKind kind : CaseKind.values()) {
            for (CaseState state : CaseState.values()) {
                assertThat(sample.value("recon_cases", Map.of("kind", kind.name(), "state", state.name())))
                        .as(kind + " " + state)
                        .isEqualTo(SampleNight.count(cases, Map.of("kind", kind.name(), "state", state.name())));
            }
            for (Priority priority : Priority.values()) {
                assertThat(sample.value("recon_cases_overdue", Map.of("kind", kind.name(), "priority", priority.name())))
                        .as(kind + " " + priority + " overdue").isEqualTo(SampleNight.count(cases,
                                Map.of("kind", kind.name(), "priority", priority.name(), "overdue", "Y")));
            }
        }
        // Spring Batch's own: one job execution per sample date, every step of each
        long nights = SampleNight.dates().size();
        assertThat(sample.value("spring_batch_job_seconds_count", Map.of("spring_batch_job_name",
                "nightlyReconciliation", "spring_batch_job_status", "COMPLETED"))).isEqualTo(nights);
        for (String step : List.of("ingest-orders", "reconcile", "cases", "receipts", "publish-bundle")) {
            assertThat(sample.value("spring_batch_step_seconds_count", Map.of("spring_batch_step_name", step,
                    "spring_batch_step_status", "COMPLETED"))).as(step).isEqualTo(nights);
        }
        assertThat(sample.value("spring_batch_chunk_write_seconds_count", Map.of("spring_batch_chunk_write_step_name",
                "ledger-cancellations"))).as("chunk writes of a chunk step").isGreaterThanOrEqualTo(nights);
    }

    @Test
    void twoStores_pushIntoTwoGroups_andAnExportPushesToo() throws Exception {
        TestStore first = TestStore.h2(folder.resolve("first"));
        TestStore second = TestStore.h2(folder.resolve("second"));
        List<LocalDate> dates = SampleNight.dates();
        assertThat(Recon.run(first, pushingAs("first", "run", "--date=" + dates.get(0),
                "--inbox=" + SampleNight.INBOX, "--archive=" + folder.resolve("archive-1"))).exitCode()).isZero();
        assertThat(Recon.run(second, pushingAs("second", "run", "--date=" + dates.get(1), "--catch-up",
                "--inbox=" + SampleNight.INBOX, "--archive=" + folder.resolve("archive-2"))).exitCode()).isZero();
        // an export from the first store (no job runs in it) updates its own group and leaves the other alone
        assertThat(Recon.run(first, pushingAs("first", "export", "--from=" + dates.get(0), "--to=" + dates.get(0),
                "--out=" + folder.resolve("export"))).exitCode()).isZero();

        assertThat(group("first").value("recon_last_business_date", Map.of())).isEqualTo(dates.get(0).toEpochDay());
        assertThat(group("second").value("recon_last_business_date", Map.of())).isEqualTo(dates.get(1).toEpochDay());
        assertThat(group("second").value("spring_batch_job_seconds_count", Map.of("spring_batch_job_status",
                "COMPLETED"))).isEqualTo(2);
        // the export's push replaced only what the export has: the run's Spring Batch timings stay
        assertThat(group("first").value("spring_batch_job_seconds_count", Map.of("spring_batch_job_status",
                "COMPLETED"))).isEqualTo(1);
    }

    @Test
    void aFailedNight_pushesItsFailure_andKeepsItsExitCode() throws Exception {
        // given: the first sample date, its cancellations export cut off inside a quoted field
        LocalDate date = SampleNight.dates().get(0);
        Path inbox = folder.resolve("inbox");
        Files.createDirectories(inbox.resolve(date.toString()));
        for (InputFile file : InputFile.values()) {
            Files.copy(SampleNight.INBOX.resolve(date.toString()).resolve(file.fileName()),
                    inbox.resolve(date.toString()).resolve(file.fileName()));
        }
        Files.writeString(inbox.resolve(date.toString()).resolve(InputFile.CANCELLATIONS.fileName()),
                "CR-9999,112-0000000-0000000,,C-1,2026-11-20T10:00:00Z,WEBSITE,\"cut off here", StandardOpenOption.APPEND);
        Instant before = Instant.now();
        // when
        Recon.Outcome run = Recon.run(TestStore.h2(folder), pushingAs("failing", "run", "--date=" + date,
                "--inbox=" + inbox, "--archive=" + folder.resolve("archive")));
        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        Group failing = group("failing");
        assertThat(failing.value("recon_last_failure_timestamp_seconds", Map.of()))
                .isBetween(before.getEpochSecond() - 1.0, Instant.now().getEpochSecond() + 1.0);
        assertThat(failing.value("recon_last_success_timestamp_seconds", Map.of())).isZero();
        assertThat(failing.value("spring_batch_job_seconds_count", Map.of("spring_batch_job_status", "FAILED")))
                .isEqualTo(1);
    }

    @Test
    void aGatewayThatIsDown_costsOneWarningLine_andNotTheRun() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Recon.Outcome run = Recon.run(TestStore.h2(folder), pushingTo("127.0.0.1:" + closedPort, "down", "run",
                "--date=" + SampleNight.dates().get(0), "--inbox=" + SampleNight.INBOX,
                "--archive=" + folder.resolve("archive")));
        assertThat(run.exitCode()).as(run.err()).isZero();
        String printed = run.out() + run.err();   // the log (standard output) and the messages
        assertThat(printed.lines().filter(line -> line.contains("Pushgateway")).toList()).singleElement()
                .asString().contains("WARN").contains("metrics not pushed to the Pushgateway at 127.0.0.1:" + closedPort);
        assertThat(printed).doesNotContain("\tat ");
    }

    /** The command with the Pushgateway switched on as an operator would: Boot's properties, as flags. */
    private static String[] pushingAs(String storeName, String... command) {
        return pushingTo(gateway.address, storeName, command);
    }

    private static String[] pushingTo(String address, String storeName, String... command) {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.add("--management.prometheus.metrics.export.pushgateway.enabled=true");
        arguments.add("--management.prometheus.metrics.export.pushgateway.address=" + address);
        arguments.add("--recon.metrics.store=" + storeName);
        arguments.add("--recon.metrics.instance=test-host");
        arguments.add("-q");
        return arguments.toArray(String[]::new);
    }

    /** Requests that became REFUNDED on the date: REFUNDED in its ledger, and not in the date before's. */
    private static long receiptsOf(LocalDate date) {
        List<String> refundedBefore = SampleNight.ledger(date.minusDays(1), "cancellations.csv").stream()
                .filter(row -> row.get("outcome").equals("REFUNDED")).map(row -> row.get("request_id")).toList();
        return SampleNight.ledger(date, "cancellations.csv").stream()
                .filter(row -> row.get("outcome").equals("REFUNDED"))
                .filter(row -> !refundedBefore.contains(row.get("request_id"))).count();
    }

    private static Group group(String store) throws Exception {
        return new Group(gateway.samples().stream()
                .filter(sample -> Map.of("job", "recon", "instance", "test-host", "store", store).entrySet()
                        .stream().allMatch(label -> label.getValue().equals(sample.labels().get(label.getKey()))))
                .toList(), store);
    }

    /** The samples of one grouping key (job recon, instance test-host, the store). */
    private record Group(List<Pushgateway.Sample> samples, String store) {

        /** The one sample of this name whose labels include these, or the sum where several do. */
        double value(String name, Map<String, String> labels) {
            List<Pushgateway.Sample> matching = samples.stream().filter(sample -> sample.has(name, labels)).toList();
            assertThat(matching).as("%s%s in the group of store %s", name, labels, store).isNotEmpty();
            return matching.stream().mapToDouble(Pushgateway.Sample::value).sum();
        }
    }
}
