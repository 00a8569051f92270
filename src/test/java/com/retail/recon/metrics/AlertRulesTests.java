package com.retail.recon.metrics;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules of jobs/prometheus: {@code promtool check rules} accepts them and {@code promtool test rules}
 * passes, with every alert firing and not firing in the test files; every alert tells the person on call what
 * to do and links its entry of the README's troubleshooting section. promtool comes with Debian's
 * {@code prometheus} package: without it the promtool tests are skipped with a message, unless
 * {@code RECON_REQUIRE_PROMETHEUS} is set (.ci/run sets it and installs the package), and they leave
 * {@code target/promtool-tests-ran} behind when they ran.
 */
class AlertRulesTests {

    static final Path RULES = Path.of("jobs/prometheus/recon-alerts.yml");
    static final List<Path> RULE_TESTS = List.of(Path.of("jobs/prometheus/recon-alerts.test.yml"),
            Path.of("jobs/prometheus/recon-alerts-weekly.test.yml"));
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void promtoolAcceptsTheRules_andTheirTestsPass() throws Exception {
        requirePromtool();
        assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS: 7 rules found");
        List<String> command = new ArrayList<>(List.of("test", "rules"));
        RULE_TESTS.forEach(file -> command.add(file.toString()));
        String tested = promtool(command.toArray(String[]::new));
        assertThat(tested).doesNotContain("FAILED");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "promtool-tests-ran"), promtool("--version").lines().findFirst()
                .orElse("promtool") + "\n");
    }

    @Test
    void everyAlertIsTested_firingAndNotFiring() throws IOException {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (Path file : RULE_TESTS) {
            tests.addAll(list(yaml(file).get("tests")));
        }
        for (String alert : alerts().stream().map(rule -> (String) rule.get("alert")).toList()) {
            List<Map<String, Object>> evaluations = tests.stream()
                    .flatMap(test -> list(test.getOrDefault("alert_rule_test", List.of())).stream())
                    .filter(evaluation -> alert.equals(evaluation.get("alertname"))).toList();
            assertThat(evaluations).as(alert + " firing").anyMatch(e -> !list(e.get("exp_alerts")).isEmpty());
            assertThat(evaluations).as(alert + " not firing").anyMatch(e -> list(e.get("exp_alerts")).isEmpty());
        }
    }

    @Test
    void everyAlertSaysWhatToDo_andLinksItsTroubleshootingEntry() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String troubleshooting = readme.substring(readme.indexOf("## Troubleshooting the alerts"));
        for (Map<String, Object> rule : alerts()) {
            String alert = (String) rule.get("alert");
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
            // what to do: a command or setting to reach for, quoted as in the README
            assertThat(annotations.get("summary")).as(alert).containsPattern("`[^`]+`").hasSizeGreaterThan(60)
                    .doesNotContain("TODO");
            assertThat(annotations.get("runbook_url")).as(alert).isEqualTo("README.md#" + alert.toLowerCase());
            assertThat(troubleshooting).as("README troubleshooting entry of " + alert)
                    .containsPattern("(?m)^#### " + alert + "$");
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) rule.get("labels");
            assertThat(labels.get("severity")).as(alert).isIn("page", "ticket");
        }
    }

    private static List<Map<String, Object>> alerts() throws IOException {
        return list(yaml(RULES).get("groups")).stream()
                .flatMap(group -> list(group.get("rules")).stream())
                .filter(rule -> rule.containsKey("alert")).toList();
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static void requirePromtool() {
        if (!Files.isExecutable(PROMTOOL)) {
            String message = PROMTOOL + " is not installed (Debian package prometheus): the promtool tests of the "
                    + "alert rules are skipped";
            if (System.getenv("RECON_REQUIRE_PROMETHEUS") != null) {
                throw new AssertionError(message + ", but RECON_REQUIRE_PROMETHEUS is set");
            }
            Assumptions.abort(message);
        }
    }

    /** promtool's output; a non-zero exit fails the test with that output. */
    private static String promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as("promtool " + String.join(" ", arguments) + ":\n" + output).isZero();
        return output;
    }
}
