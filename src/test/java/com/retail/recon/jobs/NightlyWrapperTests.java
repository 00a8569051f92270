package com.retail.recon.jobs;

import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** jobs/recon-nightly.sh run for real (bash, flock, recon in its own JVM) over the sample inbox. */
class NightlyWrapperTests {

    @TempDir
    Path folder;

    private Process wrapper(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "jobs/recon-nightly.sh"));
        command.addAll(List.of(args));
        command.add("--inbox=" + Path.of("sample-data/inbox").toAbsolutePath());
        command.add("--archive=" + folder.resolve("archive"));
        command.addAll(TestStore.h2(folder).springArguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("wrapper.out").toFile());
        builder.environment().put("RECON_LOG_DIR", folder.resolve("logs").toString());
        builder.environment().put("RECON_CMD", Path.of(System.getProperty("java.home"), "bin", "java")
                + " -cp " + System.getProperty("java.class.path") + " com.retail.recon.ReconApplication");
        return builder.start();
    }

    @Test
    void catchesUpEveryMissingDateInOrder_logsToADatedFile_andPassesTheExitCodeThrough() throws Exception {
        Process run = wrapper("2026-11-23");
        assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).isZero();
        for (String date : List.of("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23")) {
            assertThat(folder.resolve("archive").resolve(date).resolve("bagit.txt")).exists();
        }
        String log = onlyLog();
        assertThat(log).contains("2026-11-20 completed").contains("2026-11-23 completed").endsWith("exit 0\n");

        Process again = wrapper("2026-11-24");
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isZero();
        assertThat(onlyLog()).contains("Nothing to do: every inbox date up to 2026-11-24 has completed.");
    }

    @Test
    void aSecondWrapperWhileOneRuns_exits2AtOnce() throws Exception {
        Files.createDirectories(folder.resolve("logs"));
        Process holder = new ProcessBuilder("flock", folder.resolve("logs/.recon-nightly.lock").toString(),
                "sleep", "30").start();
        Thread.sleep(500);
        try {
            Process second = wrapper("2026-11-20");
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(2);
            assertThat(Files.readString(folder.resolve("wrapper.out"))).contains("another recon run holds");
        } finally {
            holder.destroyForcibly();
        }
    }

    private String onlyLog() throws IOException {
        try (Stream<Path> logs = Files.list(folder.resolve("logs"))) {
            List<Path> files = logs.filter(p -> p.getFileName().toString().startsWith("recon-")).toList();
            assertThat(files).hasSize(1);
            return Files.readString(files.get(0));
        }
    }
}
