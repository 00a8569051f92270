package com.retail.recon.metrics;

import com.retail.recon.ReconApplication;
import com.retail.recon.nightly.TestStore;
import com.retail.recon.run.NightlyService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jobs/grafana/recon-dashboard.json is an importable Grafana dashboard whose every query names only metrics that
 * recon really exports: the names are taken from the registry of a real night's run (recon's application with
 * metrics on, the first sample date run in it, then scraped), not from a list kept by hand.
 */
class DashboardTests {

    static final Path DASHBOARD = Path.of("jobs/grafana/recon-dashboard.json");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "and", "or", "unless", "inf", "nan");

    @TempDir
    Path folder;

    @Test
    void theDashboardIsImportable_andShowsWhatTheIssueAsks() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("uid").asString()).isNotBlank();
        assertThat(dashboard.path("title").asString()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            titles.add(panel.path("title").asString());
            assertThat(panel.path("type").asString()).as(panel.toString()).isNotBlank();
            assertThat(panel.path("gridPos").path("w").asInt()).as(panel.toString()).isPositive();
            assertThat(panel.path("targets")).as(panel.path("title").asString()).isNotEmpty();
        }
        assertThat(titles).anyMatch(t -> t.startsWith("Nights over time")).anyMatch(t -> t.startsWith("Step durations"))
                .anyMatch(t -> t.startsWith("Outcomes")).anyMatch(t -> t.startsWith("Escalations"))
                .anyMatch(t -> t.equals("Cases by state"));
    }

    @Test
    void everyQueryNamesOnlyMetricsThatRecordExports() throws Exception {
        Set<String> exported = exportedByARealNight();
        assertThat(exported).as("a real night's registry").contains("recon_night_requests",
                "spring_batch_job_seconds_count", "spring_batch_step_seconds_sum");
        Set<String> used = new LinkedHashSet<>();
        for (JsonNode panel : JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                used.addAll(metricNames(target.path("expr").asString()));
            }
        }
        assertThat(used).as("metrics the dashboard queries").isNotEmpty().allMatch(exported::contains);
    }

    @Test
    void metricNamesAreFoundInAQuery() {
        assertThat(metricNames("sum by (file, verdict) (recon_night_input_rows{store=~\"$store\"}) / "
                + "(time() - max by (store) (up[5m])) > bool 1")).containsExactlyInAnyOrder("recon_night_input_rows", "up");
    }

    /** The names a PromQL expression selects: identifiers that are not functions, keywords or labels. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")   // strings ($store, regexes)
                .replaceAll("\\{[^}]*}", " ")                               // label matchers
                .replaceAll("\\[[^]]*]", " ")                               // ranges
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
            if (!function && !PROMQL_WORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every sample name recon's registry has after one night run in it, as Prometheus scrapes them. */
    private Set<String> exportedByARealNight() {
        TestStore store = TestStore.h2(folder);
        List<String> arguments = new ArrayList<>(store.springArguments());
        // metrics on as for a push (metrics.MetricsExport); nothing is pushed: the push is the command line's
        arguments.add("--management.prometheus.metrics.export.pushgateway.enabled=true");
        LocalDate date = SampleNight.dates().get(0);
        try (ConfigurableApplicationContext recon = new SpringApplication(ReconApplication.class)
                .run(arguments.toArray(String[]::new))) {
            NightlyService.Result night = recon.getBean(NightlyService.class)
                    .run(date, SampleNight.INBOX, folder.resolve("archive"), false);
            assertThat(night.exitCode()).as(night.message()).isZero();
            Set<String> names = new LinkedHashSet<>();
            for (Pushgateway.Sample sample : Pushgateway.parse(recon.getBean(PrometheusMeterRegistry.class).scrape())) {
                names.add(sample.name());
            }
            return names;
        }
    }
}
