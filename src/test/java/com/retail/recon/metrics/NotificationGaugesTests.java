package com.retail.recon.metrics;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import com.retail.recon.notify.WebhookReceiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** recon_notifications_pending / _failed say what the outbox holds, per channel. */
class NotificationGaugesTests {

    @TempDir
    Path folder;

    @Test
    void theGaugesCountTheOutboxsUndeliveredDeliveries_byChannel() throws Exception {
        TestStore store = TestStore.h2(folder);
        int port = WebhookReceiver.closedPort();
        Recon.Outcome run = Recon.run(store, "run", "--date=2026-11-20", "--inbox=sample-data/inbox",
                "--archive=" + folder.resolve("archive"), "-q",
                "--recon.notify.webhooks[0].url=http://127.0.0.1:" + port + "/hook",
                "--recon.notify.webhooks[0].secret=gauge-test", "--recon.notify.retry.backoff=100ms",
                "--recon.notify.retry.budget=2s");
        assertThat(run.exitCode()).as(run.err()).isZero();
        long pending = store.jdbc().queryForObject(
                "SELECT COUNT(*) FROM recon_notify_delivery WHERE state = 'PENDING'", Long.class);
        assertThat(pending).isPositive();
        // one refused for good, to tell the two gauges apart
        store.jdbc().update("UPDATE recon_notify_delivery SET state = 'FAILED' WHERE delivery_id = "
                + "(SELECT MIN(delivery_id) FROM recon_notify_delivery)");

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ReconMeters(store.jdbc(), "test").bindTo(registry);

        assertThat(registry.get("recon.notifications.pending").tag("channel", "webhook").gauge().value())
                .isEqualTo(pending - 1);
        assertThat(registry.get("recon.notifications.failed").tag("channel", "webhook").gauge().value())
                .isEqualTo(1);
        assertThat(registry.get("recon.notifications.pending").tag("channel", "email").gauge().value()).isZero();
        assertThat(registry.get("recon.notifications.failed").tag("channel", "email").gauge().value()).isZero();
    }
}
