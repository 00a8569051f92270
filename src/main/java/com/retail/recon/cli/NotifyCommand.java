package com.retail.recon.cli;

import com.retail.recon.notify.Dispatcher;
import com.retail.recon.notify.NotifyProperties;
import com.retail.recon.notify.Outbox;
import com.retail.recon.notify.Redaction;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "notify", mixinStandardHelpOptions = true,
        description = {"The notifications' outbox (README \"Notifications\"): webhooks and the morning e-mail."},
        subcommands = {NotifyCommand.Status.class, NotifyCommand.Retry.class})
final class NotifyCommand {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Deliveries not made yet: PENDING (tried again by the next run, recon notify retry and a "
                    + "running desk) and FAILED (refused for good, e.g. HTTP 4xx: recon notify retry --failed), "
                    + "oldest first, with the last error. Webhook URLs are shown as scheme://host/… only."})
    static final class Status implements Callable<Integer> {

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext store = Store.openForReading()) {
                Outbox outbox = store.getBean(Outbox.class);
                Dispatcher.Pass counts = store.getBean(Dispatcher.class).status();
                System.out.println("pending " + counts.pendingTotal() + ", failed " + counts.failedTotal());
                if (counts.pendingTotal() + counts.failedTotal() == 0) {
                    return 0;
                }
                System.out.printf("%-36s  %-13s  %-10s  %-7s  %-8s  %5s  %-20s  %s%n", "delivery", "event", "date",
                        "channel", "state", "tries", "last try", "to / last error");
                outbox.each(List.of(Outbox.State.PENDING, Outbox.State.FAILED), d -> {
                    System.out.printf("%-36s  %-13s  %-10s  %-7s  %-8s  %5d  %-20s  %s%n", d.deliveryId(),
                            d.eventType(), d.businessDate() == null ? "" : d.businessDate(), d.channel(), d.state(),
                            d.attempts(), d.lastAttemptAt() == null ? "never"
                                    : d.lastAttemptAt().truncatedTo(ChronoUnit.SECONDS),
                            (Outbox.WEBHOOK.equals(d.channel()) ? Redaction.url(d.target()) : d.target())
                                    + (d.lastError() == null ? "" : "  " + d.lastError()));
                });
                return 0;
            }
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Send every pending delivery now (each tried up to recon.notify.retry.tries times within "
                    + "recon.notify.retry.budget). Exit 0 when nothing is left, 1 when some are still pending or "
                    + "failed (see recon notify status)."})
    static final class Retry implements Callable<Integer> {

        @Option(names = "--failed", description = "Also the FAILED deliveries (after fixing the receiver).")
        boolean failed;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext store = Store.open()) {
                Outbox outbox = store.getBean(Outbox.class);
                if (failed) {
                    int again = outbox.retryFailed(Instant.now());
                    System.out.println(again + " failed deliveries pending again");
                }
                Dispatcher.Pass pass = store.getBean(Dispatcher.class).sendPending(Instant.now()
                        .plus(store.getBean(NotifyProperties.class).retry().budget()));
                System.out.println(pass.delivered() + " delivered, " + pass.pendingTotal() + " pending, "
                        + pass.failedTotal() + " failed");
                return pass.pendingTotal() + pass.failedTotal() == 0 ? 0 : 1;
            }
        }
    }
}
