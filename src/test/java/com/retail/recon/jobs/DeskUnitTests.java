package com.retail.recon.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** jobs/recon-desk.service: the directives the desk's hardening relies on, and systemd's own check of it. */
class DeskUnitTests {

    private static final Path UNIT = Path.of("jobs/recon-desk.service");

    @TempDir
    Path folder;

    /** Section.Key → values (a key may repeat), comments and blank lines left out. */
    private static Map<String, List<String>> directives(String text) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        String section = "";
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                section = trimmed.substring(1, trimmed.indexOf(']'));
                continue;
            }
            int equals = trimmed.indexOf('=');
            assertThat(equals).as("a key=value line: %s", trimmed).isPositive();
            all.computeIfAbsent(section + "." + trimmed.substring(0, equals), k -> new ArrayList<>())
                    .add(trimmed.substring(equals + 1));
        }
        return all;
    }

    private static String one(Map<String, List<String>> unit, String key) {
        assertThat(unit).as(key).containsKey(key);
        assertThat(unit.get(key)).as(key).hasSize(1);
        return unit.get(key).get(0);
    }

    @Test
    void theDeskRunsAsItsOwnUser_hardened_restartedOnFailure_withSecretsFromAnEnvironmentFile() throws IOException {
        Map<String, List<String>> unit = directives(Files.readString(UNIT, StandardCharsets.UTF_8));

        assertThat(one(unit, "Service.ExecStart")).isEqualTo("/opt/recon/jobs/recon serve");
        assertThat(Path.of("jobs/recon")).as("the ExecStart wrapper, installed as /opt/recon/jobs/recon")
                .isRegularFile().isExecutable();
        assertThat(one(unit, "Service.User")).isEqualTo("recon");
        assertThat(one(unit, "Service.Type")).isEqualTo("simple");
        assertThat(one(unit, "Service.NoNewPrivileges")).isEqualTo("yes");
        assertThat(one(unit, "Service.ProtectSystem")).isEqualTo("strict");
        assertThat(one(unit, "Service.ProtectHome")).isEqualTo("yes");
        assertThat(one(unit, "Service.PrivateTmp")).isEqualTo("yes");
        assertThat(one(unit, "Service.CapabilityBoundingSet")).isEmpty();
        // the embedded store's folder (the default ./recon-data beside WorkingDirectory) stays writable
        assertThat(one(unit, "Service.WorkingDirectory")).isEqualTo("/opt/recon");
        assertThat(one(unit, "Service.ReadWritePaths").split(" ")).contains("/opt/recon/recon-data");
        assertThat(one(unit, "Service.Restart")).isEqualTo("on-failure");
        assertThat(one(unit, "Service.EnvironmentFile")).isEqualTo("/etc/recon/recon.env");
        assertThat(one(unit, "Service.SuccessExitStatus")).isEqualTo("143");
        assertThat(one(unit, "Install.WantedBy")).isEqualTo("multi-user.target");
        // the same install folder and settings as the nightly unit
        Map<String, List<String>> nightly = directives(Files.readString(Path.of("jobs/recon-nightly.service")));
        assertThat(one(nightly, "Service.WorkingDirectory")).isEqualTo(one(unit, "Service.WorkingDirectory"));
        assertThat(one(nightly, "Service.EnvironmentFile")).endsWith(one(unit, "Service.EnvironmentFile"));
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        // verify checks that ExecStart's program exists: point it at this clone's wrapper
        Path copy = folder.resolve("recon-desk.service");
        Files.writeString(copy, Files.readString(UNIT).replace("/opt/recon/jobs/recon",
                Path.of("jobs/recon").toAbsolutePath().toString()));
        Process verify = new ProcessBuilder(analyze.toString(), "verify", copy.toString()).redirectErrorStream(true)
                .start();
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).as("systemd-analyze verify").doesNotContain(copy.getFileName().toString());
        assertThat(verify.exitValue()).as(out).isZero();
    }
}
