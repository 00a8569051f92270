package com.retail.recon.metrics;

import com.retail.recon.cases.CaseKind;
import com.retail.recon.cases.CaseState;
import com.retail.recon.cases.Priority;
import com.retail.recon.domain.InputFile;
import com.retail.recon.notify.Outbox;
import com.retail.recon.reconcile.FinanceException;
import com.retail.recon.reconcile.Outcome;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * recon's own metrics (README "Monitoring" lists them): gauges of what the store says, one series for every
 * label value the rules know (an outcome that did not occur reads 0 rather than missing, so a graph or an alert
 * never mistakes "none" for "no data"). Each carries the label {@code store}. Read from the store at most once
 * every {@link #FRESH_FOR}, whichever gauges a scrape or a push asks for.
 */
final class ReconMeters implements MeterBinder {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final String store;
    private StoreFigures figures;
    private long readAtNanos;

    ReconMeters(JdbcTemplate jdbc, String store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "recon.last.success.timestamp", "seconds",
                "When the latest nightly run that completed ended (Unix time)", Tags.empty(),
                StoreFigures::lastSuccessEpochSeconds);
        gauge(registry, "recon.last.failure.timestamp", "seconds",
                "When the latest nightly run that failed ended (Unix time)", Tags.empty(),
                StoreFigures::lastFailureEpochSeconds);
        gauge(registry, "recon.last.business.date", null,
                "The latest completed business date, in days since 1970-01-01", Tags.empty(),
                f -> f.latestCompleted() == null ? Double.NaN : f.latestCompleted().toEpochDay());
        for (InputFile file : InputFile.values()) {
            for (String verdict : List.of("accepted", "rejected")) {
                labelled(registry, "recon.night.input.rows", "Input rows of the latest completed date, by file "
                                + "and verdict", Tags.of("file", file.fileName(), "verdict", verdict),
                        StoreFigures::inputRows, List.of(file.fileName(), verdict));
            }
        }
        for (Outcome outcome : Outcome.values()) {
            labelled(registry, "recon.night.requests", "Requests the latest completed date reported, by outcome",
                    Tags.of("outcome", outcome.name()), StoreFigures::requests, List.of(outcome.name()));
        }
        for (Priority priority : Priority.values()) {
            for (boolean isNew : new boolean[]{true, false}) {
                labelled(registry, "recon.night.escalations", "Escalations of the latest completed date, by "
                                + "priority and whether new that date",
                        Tags.of("priority", priority.name(), "new", String.valueOf(isNew)),
                        StoreFigures::escalations, List.of(priority.name(), String.valueOf(isNew)));
            }
        }
        for (FinanceException.ExceptionType type : FinanceException.ExceptionType.values()) {
            labelled(registry, "recon.night.exceptions", "Finance exceptions of the latest completed date, by type",
                    Tags.of("type", type.name()), StoreFigures::exceptions, List.of(type.name()));
        }
        gauge(registry, "recon.night.receipts", null,
                "Receipts of the latest completed date (requests that became REFUNDED that date)", Tags.empty(),
                StoreFigures::receipts);
        for (CaseKind kind : CaseKind.values()) {
            for (CaseState state : CaseState.values()) {
                labelled(registry, "recon.cases", "Cases by kind and state, now",
                        Tags.of("kind", kind.name(), "state", state.name()), StoreFigures::cases,
                        List.of(kind.name(), state.name()));
            }
            for (Priority priority : Priority.values()) {
                labelled(registry, "recon.cases.overdue", "Cases OPEN or IN_PROGRESS past their due date, by kind "
                                + "and priority", Tags.of("kind", kind.name(), "priority", priority.name()),
                        StoreFigures::overdue, List.of(kind.name(), priority.name()));
            }
        }
        for (String channel : List.of(Outbox.WEBHOOK, Outbox.EMAIL)) {
            labelled(registry, "recon.notifications.pending", "Notifications not delivered yet, to be tried again "
                            + "(README \"Notifications\"), by channel", Tags.of("channel", channel),
                    StoreFigures::notifications, List.of(channel, Outbox.State.PENDING.name()));
            labelled(registry, "recon.notifications.failed", "Notifications a receiver refused for good (recon "
                            + "notify retry --failed sends them again), by channel", Tags.of("channel", channel),
                    StoreFigures::notifications, List.of(channel, Outbox.State.FAILED.name()));
        }
    }

    private void labelled(MeterRegistry registry, String name, String description, Tags tags,
                          Function<StoreFigures, Map<List<String>, Long>> figure, List<String> key) {
        gauge(registry, name, null, description, tags, f -> figure.apply(f).getOrDefault(key, 0L));
    }

    private void gauge(MeterRegistry registry, String name, String baseUnit, String description, Tags tags,
                       ToDoubleFunction<StoreFigures> value) {
        Gauge.builder(name, this, meters -> value.applyAsDouble(meters.figures()))
                .description(description)
                .baseUnit(baseUnit)
                .tags(tags.and("store", store))
                .strongReference(true)
                .register(registry);
    }

    /** The store's figures, read again when older than {@link #FRESH_FOR}. */
    synchronized StoreFigures figures() {
        long now = System.nanoTime();
        if (figures == null || now - readAtNanos > FRESH_FOR.toNanos()) {
            figures = StoreFigures.read(jdbc);
            readAtNanos = now;
        }
        return figures;
    }

    /** Forget what was read: the next reading is the store's as it is now (before a push at the end). */
    synchronized void refresh() {
        figures = null;
    }
}
