package com.retail.recon.notify;

import com.retail.recon.cases.Case;
import com.retail.recon.cases.CaseFilter;
import com.retail.recon.cases.CaseStore;
import com.retail.recon.cases.Priority;
import com.retail.recon.run.RunSummary;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The morning e-mail of a completed date: the new HIGH cases of the date, the cases overdue now, and the day's
 * summary, as plain text and as HTML (every value escaped). Composed when the date completes and sent as it is,
 * so a message delivered late still says what that morning looked like. Each list stops after {@link #LISTED}
 * cases and says how many more the desk or {@code recon cases list} shows.
 */
@Component
class DailyMail {

    static final int LISTED = 100;

    record Message(String subject, String text, String html) {
    }

    /** A case as one line of the message. */
    private record Line(long caseId, String requestId, String outcome, String amount, long ageDays, String link) {
    }

    private final CaseStore cases;
    private final DeskLinks links;

    DailyMail(CaseStore cases, DeskLinks links) {
        this.cases = cases;
        this.links = links;
    }

    Message compose(RunSummary summary, int revision) {
        LocalDate date = summary.businessDate();
        LocalDate latest = cases.clock().latestCompleted();
        List<Line> newHigh = new ArrayList<>();
        long[] newHighCount = {0};
        cases.openedOn(date, Priority.HIGH, c -> {
            if (newHighCount[0]++ < LISTED) {
                newHigh.add(line(c, date));
            }
        });
        List<Line> overdue = new ArrayList<>();
        long[] overdueCount = {0};
        if (latest != null) {
            cases.list(new CaseFilter(CaseFilter.NOT_CLOSED, null, null, null, true, latest), c -> {
                if (overdueCount[0]++ < LISTED) {
                    overdue.add(line(c, latest));
                }
            });
        }
        String subject = "recon " + date + ": " + newHighCount[0] + " new HIGH, " + overdueCount[0] + " overdue";
        return new Message(subject, text(summary, revision, latest, newHigh, newHighCount[0], overdue,
                overdueCount[0]), html(summary, revision, latest, newHigh, newHighCount[0], overdue, overdueCount[0]));
    }

    private Line line(Case c, LocalDate asOf) {
        String amount = c.amount() == null ? "" : c.currency() + " " + c.amount().toPlainString();
        return new Line(c.caseId(), c.requestId(), c.type(), amount, ChronoUnit.DAYS.between(c.openedOn(), asOf),
                links.toCase(c.caseId()).orElse(""));
    }

    // --- plain text ----------------------------------------------------------------------------------------------

    private String text(RunSummary summary, int revision, LocalDate latest, List<Line> newHigh, long newHighCount,
                        List<Line> overdue, long overdueCount) {
        StringBuilder text = new StringBuilder();
        text.append("recon: cancellations of ").append(summary.businessDate()).append(" (bundle revision ")
                .append(revision).append(")\n\n");
        textList(text, "New HIGH cases of " + summary.businessDate(), newHigh, newHighCount,
                "recon cases list --priority HIGH");
        textList(text, "Overdue cases" + (latest == null ? "" : " (as of " + latest + ")"), overdue, overdueCount,
                "recon cases list --overdue");
        text.append("The day\n");
        text.append(String.format("  %-16s %9s %9s %9s%n", "input", "read", "accepted", "rejected"));
        for (RunSummary.FileCount file : summary.files()) {
            text.append(String.format("  %-16s %9d %9d %9d%n", file.file(), file.read(), file.accepted(),
                    file.rejected()));
        }
        text.append("  outcomes     ").append(counts(summary.outcomes())).append('\n');
        text.append("  exceptions   ").append(counts(summary.exceptions())).append('\n');
        text.append("  escalations  ").append(summary.escalations()).append(" (").append(summary.newEscalations())
                .append(" new)\n");
        text.append("  refunded     ").append(summary.receipts()).append(" became REFUNDED\n");
        text.append("  cases        ").append(summary.cases().standing()).append(" not closed (")
                .append(summary.cases().overdue()).append(" overdue), ").append(summary.cases().opened())
                .append(" opened\n");
        text.append("  bundle       ").append(summary.bundlePath()).append('\n');
        links.toQueue("").ifPresent(url -> text.append("\nThe desk: ").append(url).append('\n'));
        return text.toString();
    }

    private static void textList(StringBuilder text, String title, List<Line> lines, long count, String command) {
        text.append(title).append(": ").append(count).append('\n');
        if (!lines.isEmpty()) {
            text.append(String.format("  %6s  %-14s  %-26s  %14s  %5s  %s%n", "case", "request", "outcome", "amount",
                    "days", "link"));
            for (Line line : lines) {
                text.append(String.format("  %6d  %-14s  %-26s  %14s  %5d  %s%n", line.caseId(), line.requestId(),
                        line.outcome(), line.amount(), line.ageDays(), line.link()).stripTrailing()).append('\n');
            }
        }
        if (count > lines.size()) {
            text.append("  ... and ").append(count - lines.size()).append(" more: ").append(command).append('\n');
        }
        text.append('\n');
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((name, n) -> parts.add(name + " " + n));
        return String.join(", ", parts);
    }

    // --- HTML ----------------------------------------------------------------------------------------------------

    private String html(RunSummary summary, int revision, LocalDate latest, List<Line> newHigh, long newHighCount,
                        List<Line> overdue, long overdueCount) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(esc("recon " + summary.businessDate())).append("</title></head>")
                .append("<body style=\"font-family: sans-serif; color: #1d2733\">");
        html.append("<h1 style=\"font-size: 1.3em\">Cancellations of ").append(esc(summary.businessDate()))
                .append(" <small style=\"color: #5b6b7c\">bundle revision ").append(revision).append("</small></h1>");
        htmlList(html, "New HIGH cases of " + summary.businessDate(), newHigh, newHighCount,
                "recon cases list --priority HIGH");
        htmlList(html, "Overdue cases" + (latest == null ? "" : " (as of " + latest + ")"), overdue, overdueCount,
                "recon cases list --overdue");
        html.append("<h2 style=\"font-size: 1.1em\">The day</h2><table cellpadding=\"4\" "
                + "style=\"border-collapse: collapse\"><tr><th align=\"left\">input</th><th align=\"right\">read</th>"
                + "<th align=\"right\">accepted</th><th align=\"right\">rejected</th></tr>");
        for (RunSummary.FileCount file : summary.files()) {
            html.append("<tr><td>").append(esc(file.file())).append("</td><td align=\"right\">").append(file.read())
                    .append("</td><td align=\"right\">").append(file.accepted()).append("</td><td align=\"right\">")
                    .append(file.rejected()).append("</td></tr>");
        }
        html.append("</table><p>Outcomes: ").append(esc(counts(summary.outcomes()))).append("<br>Exceptions: ")
                .append(esc(counts(summary.exceptions()))).append("<br>Escalations: ").append(summary.escalations())
                .append(" (").append(summary.newEscalations()).append(" new)<br>Became REFUNDED: ")
                .append(summary.receipts()).append("<br>Cases: ").append(summary.cases().standing())
                .append(" not closed (").append(summary.cases().overdue()).append(" overdue), ")
                .append(summary.cases().opened()).append(" opened<br>Bundle: <code>")
                .append(esc(summary.bundlePath())).append("</code></p>");
        links.toQueue("").ifPresent(url -> html.append("<p><a href=\"").append(esc(url))
                .append("\">Open the desk</a></p>"));
        html.append("</body></html>");
        return html.toString();
    }

    private static void htmlList(StringBuilder html, String title, List<Line> lines, long count, String command) {
        html.append("<h2 style=\"font-size: 1.1em\">").append(esc(title)).append(": ").append(count).append("</h2>");
        if (lines.isEmpty()) {
            return;
        }
        html.append("<table cellpadding=\"4\" style=\"border-collapse: collapse\"><tr><th align=\"right\">case</th>"
                + "<th align=\"left\">request</th><th align=\"left\">outcome</th><th align=\"right\">amount</th>"
                + "<th align=\"right\">days open</th></tr>");
        for (Line line : lines) {
            String id = line.link().isEmpty() ? String.valueOf(line.caseId())
                    : "<a href=\"" + esc(line.link()) + "\">" + line.caseId() + "</a>";
            html.append("<tr style=\"border-top: 1px solid #d5dde5\"><td align=\"right\">").append(id)
                    .append("</td><td>").append(esc(line.requestId())).append("</td><td>").append(esc(line.outcome()))
                    .append("</td><td align=\"right\">").append(esc(line.amount())).append("</td><td align=\"right\">")
                    .append(line.ageDays()).append("</td></tr>");
        }
        html.append("</table>");
        if (count > lines.size()) {
            html.append("<p>… and ").append(count - lines.size()).append(" more: <code>").append(esc(command))
                    .append("</code></p>");
        }
    }

    private static String esc(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
    }
}
