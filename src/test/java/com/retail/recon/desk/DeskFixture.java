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

    private static DeskFixture instance;

    final Path folder;
    final Path archive;
    final TestStore store;

    private DeskFixture(Path folder) {
        this.folder = folder;
        this.archive = folder.resolve(HOSTILE_ARCHIVE);
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

    private void fill() {
        for (String date : DATES) {
            Recon.Outcome outcome = Recon.run(store, "run", "--date=" + date, "--inbox=sample-data/inbox",
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

    /** The Spring properties that point a desk at this store, as key and value. */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String argument : store.springArguments()) {
            int equals = argument.indexOf('=');
            properties.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        properties.put("recon.archive", archive.toString());
        properties.put("recon.inbox", Path.of("sample-data", "inbox").toAbsolutePath().toString());
        return properties;
    }
}
