package com.retail.recon.notify;

import com.retail.recon.run.RunSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * run.completed (with the date's e-mail), recorded by the publish-bundle step in the transaction that marks the
 * date completed, and run.failed, recorded when a run, rerun or restart ends without completing its date.
 */
@Component
public class RunNotices {

    private final Outbox outbox;
    private final NotifyProperties properties;
    private final DeskLinks links;
    private final DailyMail mail;
    private final JdbcTemplate jdbc;

    RunNotices(Outbox outbox, NotifyProperties properties, DeskLinks links, DailyMail mail, JdbcTemplate jdbc) {
        this.outbox = outbox;
        this.properties = properties;
        this.links = links;
        this.mail = mail;
        this.jdbc = jdbc;
    }

    /** Called where the date is marked completed (same transaction): the date's summary, once per revision. */
    public void completed(LocalDate date, int revision) {
        List<String> webhooks = properties.webhooksFor(EventType.RUN_COMPLETED);
        if (webhooks.isEmpty() && !properties.email().enabled()) {
            return;
        }
        Instant now = Instant.now();
        RunSummary summary = RunSummary.of(jdbc, date);
        Optional<String> eventId = outbox.record(EventType.RUN_COMPLETED,
                EventType.RUN_COMPLETED.word() + ":" + date + ":r" + revision, date, now, data(summary, revision),
                webhooks);
        if (eventId.isPresent() && properties.email().enabled()) {
            DailyMail.Message message = mail.compose(summary, revision);
            outbox.addMail(eventId.get(), String.join(", ", properties.email().to()), message.subject(),
                    message.text(), message.html(), now);
        }
    }

    /**
     * A run of the date that ended with {@code exitCode} (1 failed, 2 refused, 3 input rejected) and this message
     * (its first line). Every failure is an event of its own: a date that fails twice is told twice.
     */
    public void failed(LocalDate date, String command, int exitCode, String message) {
        List<String> webhooks = properties.webhooksFor(EventType.RUN_FAILED);
        if (webhooks.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("business_date", date.toString());
        data.put("command", command);
        data.put("exit_code", exitCode);
        data.put("message", firstLine(message));
        links.toRuns().ifPresent(url -> data.put("url", url));
        outbox.record(EventType.RUN_FAILED, EventType.RUN_FAILED.word() + ":" + date + ":" + now.toEpochMilli()
                + ":" + java.util.UUID.randomUUID(), date, now, data, webhooks);
    }

    private Map<String, Object> data(RunSummary summary, int revision) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("business_date", summary.businessDate().toString());
        data.put("revision", revision);
        data.put("bundle", summary.bundlePath());
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (RunSummary.FileCount file : summary.files()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("read", file.read());
            counts.put("accepted", file.accepted());
            counts.put("rejected", file.rejected());
            inputs.put(file.file(), counts);
        }
        data.put("inputs", inputs);
        data.put("outcomes", summary.outcomes());
        data.put("exceptions", summary.exceptions());
        data.put("escalations", summary.escalations());
        data.put("new_escalations", summary.newEscalations());
        data.put("receipts", summary.receipts());
        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("opened", summary.cases().opened());
        cases.put("standing", summary.cases().standing());
        cases.put("overdue", summary.cases().overdue());
        data.put("cases", cases);
        links.toRuns().ifPresent(url -> data.put("url", url));
        return data;
    }


    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return Outbox.clip(end < 0 ? message : message.substring(0, end), 400);
    }
}
