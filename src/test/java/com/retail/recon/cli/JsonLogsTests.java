package com.retail.recon.cli;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --log-format json: every log line of a run is one JSON object (Spring Boot's structured logging, ECS) that
 * carries the run's business date and run id; the command's own report stays text.
 */
class JsonLogsTests {

    private static final Path SAMPLE = Path.of("sample-data/inbox");

    @TempDir
    Path folder;

    /**
     * Spring Boot hands the format to logback as a system property, set once and kept by the JVM: in production
     * every command is a JVM of its own, here the tests share one.
     */
    @BeforeEach
    @AfterEach
    void noStructuredFormatLeftBehind() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    @Test
    void aRunsLogLinesAreJsonObjects_withItsBusinessDateAndRunId() {
        Recon.Outcome run = Recon.run(TestStore.h2(folder), "run", "--date=2026-11-21", "--catch-up",
                "--inbox=" + SAMPLE, "--archive=" + folder.resolve("archive"), "--log-format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = run.out().lines().filter(line -> line.startsWith("{"))
                .map(line -> JsonMapper.builder().build().readTree(line)).toList();
        assertThat(lines).as("the ingest counts of two dates, at least").hasSizeGreaterThanOrEqualTo(6);
        for (JsonNode line : lines) {
            assertThat(line.path("log").path("level").asString()).as(line.toString()).isNotBlank();
            assertThat(line.path("business_date").asString()).as(line.toString()).isIn("2026-11-20", "2026-11-21");
            assertThat(line.path("run_id").asString()).as(line.toString())
                    .isEqualTo(line.path("business_date").asString().equals("2026-11-20")
                            ? "nightlyReconciliation/1" : "nightlyReconciliation/2");
        }
        assertThat(lines).anyMatch(line -> line.path("message").asString().startsWith("orders.csv: 40 read"));
        // the report is the command's output, not a log line
        assertThat(run.out()).contains("2026-11-21 completed");
    }

    @Test
    void textIsTheDefault_andAnUnknownFormatIsBadUsage() {
        Recon.Outcome run = Recon.run(TestStore.h2(folder), "run", "--date=2026-11-20",
                "--inbox=" + SAMPLE, "--archive=" + folder.resolve("archive"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).noneMatch(line -> line.startsWith("{")).anyMatch(line -> line.contains("INFO"));
        Recon.Outcome bad = Recon.run(TestStore.h2(folder), "status", "--log-format", "xml");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--log-format must be text or json: xml");
    }
}
