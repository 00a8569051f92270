package com.retail.recon.cli;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import com.retail.recon.notify.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A running desk sends what the night could not: a receiver that was down gets its events without a new run. */
class DeskSendsNotificationsTests {

    @TempDir
    Path folder;

    @Test
    void aRunningDeskDeliversWhatIsPending_onceTheReceiverIsBack() throws Exception {
        TestStore store = TestStore.h2(folder);
        int port = WebhookReceiver.closedPort();
        List<String> webhook = List.of("--recon.notify.webhooks[0].url=http://127.0.0.1:" + port + "/hook",
                "--recon.notify.webhooks[0].secret=desk-test-secret", "--recon.notify.retry.backoff=100ms",
                "--recon.notify.retry.budget=3s", "--recon.notify.retry.interval=1s");
        List<String> run = new ArrayList<>(List.of("run", "--date=2026-11-20", "--inbox=sample-data/inbox",
                "--archive=" + folder.resolve("archive"), "-q"));
        run.addAll(webhook);
        assertThat(Recon.run(store, run.toArray(String[]::new)).exitCode()).isZero();
        int pending = store.jdbc().queryForObject(
                "SELECT COUNT(*) FROM recon_notify_delivery WHERE state = 'PENDING'", Integer.class);
        assertThat(pending).isPositive();

        try (WebhookReceiver receiver = WebhookReceiver.startOn(port)) {
            List<String> serve = new ArrayList<>(List.of("serve", "--port", "0"));
            serve.addAll(webhook);
            serve.addAll(store.springArguments());
            CompletableFuture<Integer> desk = CompletableFuture.supplyAsync(
                    () -> ReconCommand.execute(serve.toArray(String[]::new)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (ServeCommand.running == null && !desk.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            ConfigurableApplicationContext started = ServeCommand.running;
            assertThat(started).as("serve started").isNotNull();
            try {
                while (receiver.delivered().size() < pending && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            } finally {
                started.close();
            }
            assertThat(desk.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(receiver.delivered()).hasSize(pending);
            assertThat(store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM recon_notify_delivery WHERE state <> 'DELIVERED'", Integer.class)).isZero();
        }
    }
}
