package com.retail.recon.cli;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes people make get one clear line and the spec's exit code, never a stack trace. */
class CommandLineErrorsTests {

    @TempDir
    Path folder;

    @Test
    void anUnknownSubcommand_isBadUsage() {
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "frobnicate");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Unmatched argument at index 0: 'frobnicate'").contains("recon --help")
                .doesNotContain("at com.");
    }

    @Test
    void anUnknownFlag_isBadUsage() {
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "run", "--dte=2026-11-20");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Unknown option: '--dte=2026-11-20'");
    }

    @Test
    void everySpringBootProperty_isAcceptedAsAFlag_asTheReadmePromises() {
        // --management.* was refused as an unknown option before issue 20
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "status", "--management.server.port=0",
                "--server.port=0", "--spring.main.banner-mode=off", "--debug.unused=true");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(ReconCommand.isSpringProperty("--management.prometheus.metrics.export.pushgateway.enabled"))
                .isTrue();
        for (String own : List.of("--date=2026-11-20", "--dte=2026-11-20", "--catch-up", "-q", "--.x=1", "--x.=1",
                "2026-11-20", "--inbox=./in.box")) {
            assertThat(ReconCommand.isSpringProperty(own)).as(own).isFalse();
        }
    }

    @Test
    void aMissingInboxFolder_isBadConfiguration() {
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "run", "--date=2026-11-20",
                "--inbox=" + folder.resolve("nowhere"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("inbox folder " + folder.resolve("nowhere") + " does not exist");
    }

    @Test
    void anUnreachableDatabase_isNamedWithoutItsPassword() {
        TestStore unreachable = new TestStore("nowhere", "", "", List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/recon?user=recon&password=s3cret"));
        Recon.Outcome outcome = Recon.run(unreachable, "status");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("the store jdbc:postgresql://127.0.0.1:1/recon?user=recon&password=***")
                .doesNotContain("s3cret").doesNotContain("at org.");
    }

    @Test
    void anUnreachableDatabaseNamedInAConfigFile_isNamedAsConfigured_notAsTheEmbeddedDefault() throws Exception {
        Path config = folder.resolve("recon.yml");
        java.nio.file.Files.writeString(config, """
                spring:
                  datasource:
                    url: jdbc:postgresql://127.0.0.1:1/from-a-file?password=s3cret
                """);
        TestStore configuredInAFile = new TestStore("file", "", "", List.of(
                "--spring.config.additional-location=" + config));
        Recon.Outcome outcome = Recon.run(configuredInAFile, "status");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("the store jdbc:postgresql://127.0.0.1:1/from-a-file?password=***")
                .doesNotContain("s3cret").doesNotContain("embedded");
    }

    @Test
    void anUnreadableInputFile_isNamed() throws java.io.IOException {
        Path inbox = folder.resolve("inbox");
        java.nio.file.Files.createDirectories(inbox.resolve("2026-11-20/orders.csv")); // a folder, not a file
        java.nio.file.Files.writeString(inbox.resolve("2026-11-20/cancellations.csv"), "x\n");
        java.nio.file.Files.writeString(inbox.resolve("2026-11-20/refunds.csv"), "x\n");
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "run", "--date=2026-11-20", "--inbox=" + inbox);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.err()).contains("2026-11-20/orders.csv: not a regular file");
    }

    @Test
    void aBadCurrencyInTheConfiguration_isBadConfiguration() {
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "status", "--recon.currencies.usd=2");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("recon.currencies.usd=2 is not a currency code: three upper-case letters")
                .doesNotContain("\tat ");
    }

    @Test
    void aLimitBelowOne_isBadUsage() {
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "status", "--limit=-1");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("recon: --limit must be at least 1: -1");
    }

    @Test
    void helpForEachSubcommand() {
        for (String command : List.of("run", "rerun", "restart", "status", "verify", "export", "explain",
                "schedule", "generate")) {
            Recon.Outcome help = Recon.run(TestStore.h2(folder), command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: recon " + command);
        }
    }
}
