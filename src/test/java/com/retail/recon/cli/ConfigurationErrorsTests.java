package com.retail.recon.cli;

import com.retail.recon.nightly.Inbox;
import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A bad setting or folder is found before anything starts: exit 2, one line naming the property and its value,
 * and the store is not even opened (no run is recorded, a new store is not created).
 */
class ConfigurationErrorsTests {

    private static final LocalDate D1 = LocalDate.of(2026, 11, 20);

    @TempDir
    Path folder;

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments("--recon.policy.reject-threshold-percent=-1",
                        "recon.policy.reject-threshold-percent=-1 must be greater than or equal to 0"),
                arguments("--recon.policy.reject-threshold-percent=100.5",
                        "recon.policy.reject-threshold-percent=100.5 must be less than or equal to 100"),
                arguments("--recon.partitions=-3", "recon.partitions=-3 must be greater than or equal to 0"),
                arguments("--recon.chunk-size=0", "recon.chunk-size=0 must be greater than 0"),
                arguments("--recon.partition.min-file-bytes=0", "recon.partition.min-file-bytes=0 must be greater than 0"),
                arguments("--recon.policy.zone=Mars/Base",
                        "recon.policy.zone=Mars/Base cannot be read as ZoneId: Unknown time-zone ID: Mars/Base"),
                arguments("--recon.policy.decision-sla-hours=0",
                        "recon.policy.decision-sla-hours=0 must be greater than 0"),
                arguments("--recon.policy.refund-start-sla-hours=abc",
                        "recon.policy.refund-start-sla-hours=abc cannot be read as long"),
                arguments("--recon.policy.settlement-sla-hours.ACCOUNT_CREDIT=-24",
                        "recon.policy.settlement-sla-hours.ACCOUNT_CREDIT=-24 must be greater than 0"),
                arguments("--recon.policy.settlement-sla-hours.CASH=3", "recon.policy.settlement-sla-hours cannot be "
                        + "read: not one of [ORIGINAL_PAYMENT, ACCOUNT_CREDIT]"),
                arguments("--recon.policy.amount-tolerance=-0.01",
                        "recon.policy.amount-tolerance=-0.01 must be greater than or equal to 0"),
                arguments("--recon.policy.categories.FURNITURE.fee-percent=150",
                        "recon.policy.categories.FURNITURE.fee-percent=150 must be less than or equal to 100"),
                arguments("--recon.policy.categories.GROCERY.window-minutes=-5",
                        "recon.policy.categories.GROCERY.window-minutes=-5 must be greater than or equal to 0"),
                arguments("--recon.currencies.usd=2", "recon.currencies.usd=2 is not a currency code"),
                arguments("--recon.currencies.JPY=5", "recon.currencies.JPY=5 must be less than or equal to 4"),
                arguments("--recon.workers.mode=banana", "recon.workers.mode=banana must be local or remote"),
                arguments("--recon.workers.timeout=0s", "recon.workers.timeout=0s must be longer than"),
                arguments("--recon.workers.threads=-1", "recon.workers.threads=-1 must be greater than or equal to 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void aBadSetting_isNamedWithItsValue_beforeTheStoreIsOpened(String setting, String expected) {
        Recon.Outcome outcome = run(setting);

        assertRefusedBeforeTheStore(outcome, expected);
    }

    @Test
    void aBadSetting_stopsTheReadOnlyCommandsToo() {
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "status", "--recon.chunk-size=-1");

        assertRefusedBeforeTheStore(outcome, "recon.chunk-size=-1 must be greater than 0");
    }

    @Test
    void aConfigurationFileWithoutTheDefaultCategory_orASettlementSla_isRefused() throws IOException {
        // a file given with --spring.config.location replaces application.yml: nothing is filled in from it
        String yml = Files.readString(Path.of("src/main/resources/application.yml"));
        String without = yml.replaceAll("(?m)^      DEFAULT:\n(        .*\n)+", "")
                .replaceAll("(?m)^      ACCOUNT_CREDIT: 24\n", "");
        assertThat(without).doesNotContain("DEFAULT:").doesNotContain("ACCOUNT_CREDIT");
        Path file = Files.writeString(folder.resolve("recon.yml"), without);

        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "status", "--spring.config.location=file:" + file);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactlyInAnyOrder(
                "recon: bad configuration: recon.policy.categories must have an entry for each of [DEFAULT]",
                "recon: bad configuration: recon.policy.settlement-sla-hours must have an entry for each of "
                        + "[ORIGINAL_PAYMENT, ACCOUNT_CREDIT]");
        assertThat(folder.resolve("store.mv.db")).doesNotExist();
    }

    @Test
    void everyBadSetting_getsItsLine() {
        Recon.Outcome outcome = run("--recon.chunk-size=0", "--recon.policy.amount-tolerance=-1");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactlyInAnyOrder(
                "recon: bad configuration: recon.chunk-size=0 must be greater than 0 (command line)",
                "recon: bad configuration: recon.policy.amount-tolerance=-1 must be greater than or equal to 0 "
                        + "(command line)");
    }

    @Test
    void anArchiveThatIsAFile_isRefused_andNoRunIsRecorded() throws IOException {
        TestStore store = TestStore.h2(folder);
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1).simpleDay(D1.plusDays(1), 2);
        assertThat(Recon.run(store, "run", "--date=" + D1, "--inbox=" + inbox.root(),
                "--archive=" + folder.resolve("archive")).exitCode()).isZero();
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");

        Recon.Outcome outcome = Recon.run(store, "run", "--date=" + D1.plusDays(1), "--inbox=" + inbox.root(),
                "--archive=" + file);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("recon: bad configuration: recon.archive=" + file
                + " is not a folder (command line)\n");
        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM business_day", Integer.class)).isOne();
        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM batch_job_execution", Integer.class)).isOne();
    }

    @Test
    void anArchiveThatCannotBeCreated_orAnInboxThatIsAFile_isRefusedBeforeTheStoreIsOpened() throws IOException {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");

        assertRefusedBeforeTheStore(run("--archive=" + file.resolve("archive")), "recon.archive="
                + file.resolve("archive") + " cannot be created: " + file + " is not a folder");
        assertRefusedBeforeTheStore(run("--inbox=" + file), "recon.inbox=" + file + " is not a folder");
        assertRefusedBeforeTheStore(Recon.run(TestStore.h2(folder), "status", "--recon.archive=" + file),
                "recon.archive=" + file + " is not a folder");
    }

    @Test
    void theFlag_overridesTheProperty() throws IOException {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");

        assertRefusedBeforeTheStore(run("--recon.archive=" + folder.resolve("archive"), "--archive=" + file),
                "recon.archive=" + file + " is not a folder");
    }

    /** run of a good inbox into a new archive folder, unless {@code more} names others. */
    private Recon.Outcome run(String... more) {
        Inbox inbox = new Inbox(folder.resolve("inbox")).simpleDay(D1, 1);
        Stream<String> folders = Stream.of("--inbox=" + inbox.root(), "--archive=" + folder.resolve("archive"))
                .filter(flag -> Stream.of(more).noneMatch(arg -> arg.startsWith(flag.substring(0, flag.indexOf('=')))));
        String[] args = Stream.of(Stream.of("run", "--date=" + D1), folders, Stream.of(more)).flatMap(s -> s)
                .toArray(String[]::new);
        return Recon.run(TestStore.h2(folder), args);
    }

    private void assertRefusedBeforeTheStore(Recon.Outcome outcome, String expected) {
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("recon: bad configuration: " + expected).hasLineCount(1)
                .doesNotContain("\tat ");
        assertThat(outcome.out()).doesNotContain("APPLICATION FAILED TO START");
        assertThat(folder.resolve("store.mv.db")).doesNotExist();
        assertThat(folder.resolve("archive")).doesNotExist();
    }
}
