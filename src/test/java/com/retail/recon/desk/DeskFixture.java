package com.retail.recon.desk;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import com.retail.recon.users.Role;
import com.retail.recon.users.Users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One store for the desk's tests, made once per JVM: the sample inbox run for its four dates into an archive
 * whose folder name is markup (so every bundle path is hostile text), and a user per role, plus one whose name
 * is a script tag and one kept for the lockout test. Every user's password is {@link #PASSWORD}.
 */
final class DeskFixture {

    static final String PASSWORD = "desk test password";
    static final List<String> DATES = List.of("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23");
    /** What a payload would set if markup in the data ran as script. */
    static final String HOSTILE_NAME = "<script>window.pwned=1</script>";
    static final String HOSTILE_ARCHIVE = "archive <img src=x onerror=window.pwned=2>";
    static final String LOCKOUT_USER = "locked-out-later";
    static final String HOSTILE_REQUEST = "CR-1009";
    static final String HOSTILE_CUSTOMER = "<script>window.pwned=4</script>";
    static final String HOSTILE_REASON = "<img src=x onerror=window.pwned=5> changed my mind";

    private static DeskFixture instance;

    final Path folder;
    final Path archive;
    final Path inbox;
    final TestStore store;

    private DeskFixture(Path folder) {
        this.folder = folder;
        this.archive = folder.resolve(HOSTILE_ARCHIVE);
        this.inbox = folder.resolve("inbox");
        this.store = TestStore.h2(folder);
    }

    static synchronized DeskFixture get() {
        if (instance == null) {
            try {
                Files.createDirectories(Path.of("target"));
                DeskFixture fixture = new DeskFixture(Files.createTempDirectory(Path.of("target").toAbsolutePath(),
                        "desk-fixture-"));
                fixture.fill();
                instance = fixture;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private void fill() throws IOException {
        copyInboxWithHostileText();
        for (String date : DATES) {
            Recon.Outcome outcome = Recon.run(store, "run", "--date=" + date, "--inbox=" + inbox,
                    "--archive=" + archive, "-q");
            if (outcome.exitCode() != 0) {
                throw new IllegalStateException("the sample run of " + date + " failed: " + outcome.err());
            }
        }
        Users users = new Users(store.jdbc());
        Instant now = Instant.now();
        users.add("admin", Role.ADMIN, PASSWORD, now);
        users.add("agent", Role.AGENT, PASSWORD, now);
        users.add("finance", Role.FINANCE, PASSWORD, now);
        users.add("auditor", Role.AUDITOR, PASSWORD, now);
        users.add(HOSTILE_NAME, Role.AGENT, PASSWORD, now);
        users.add(LOCKOUT_USER, Role.AUDITOR, PASSWORD, now);
    }

    /** The sample inbox, but CR-1009's customer id and reason are markup (the row is on the first date). */
    private void copyInboxWithHostileText() throws IOException {
        Path sample = Path.of("sample-data", "inbox");
        for (String date : DATES) {
            Files.createDirectories(inbox.resolve(date));
            for (String file : List.of("cancellations.csv", "orders.csv", "refunds.csv")) {
                Files.copy(sample.resolve(date).resolve(file), inbox.resolve(date).resolve(file));
            }
        }
        Path first = inbox.resolve(DATES.get(0)).resolve("cancellations.csv");
        String csv = Files.readString(first);
        String row = HOSTILE_REQUEST + ",112-4471196-8025533,,C-61220,2026-11-20T13:00:00Z,WEBSITE,\"Changed my mind.\n"
                + "Please cancel before it ships.\",";
        if (!csv.contains(row)) {
            throw new IllegalStateException("the sample's row of " + HOSTILE_REQUEST + " changed: update DeskFixture");
        }
        Files.writeString(first, csv.replace(row, HOSTILE_REQUEST + ",112-4471196-8025533,," + HOSTILE_CUSTOMER
                + ",2026-11-20T13:00:00Z,WEBSITE,\"" + HOSTILE_REASON + "\","));
    }

    /** The Spring properties that point a desk at this store, as key and value. */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String argument : store.springArguments()) {
            int equals = argument.indexOf('=');
            properties.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        properties.put("recon.archive", archive.toString());
        properties.put("recon.inbox", inbox.toAbsolutePath().toString());
        return properties;
    }
}
