package com.retail.recon.cli;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.retail.recon.cases.Case;
import com.retail.recon.cases.CaseDesk;
import com.retail.recon.cases.CaseEvent;
import com.retail.recon.cases.CaseFilter;
import com.retail.recon.cases.CaseKind;
import com.retail.recon.cases.CaseListing;
import com.retail.recon.cases.CaseState;
import com.retail.recon.cases.CaseStore;
import com.retail.recon.cases.Disposition;
import com.retail.recon.cases.PersonAction;
import com.retail.recon.cases.Priority;
import com.retail.recon.explain.ExplainJson;
import com.retail.recon.explain.ExplainText;
import com.retail.recon.explain.Explainer;
import com.retail.recon.explain.Explanation;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code recon cases …}: the case desk on the command line (README "Working the cases"). */
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = {"Work the flags: every escalation (customer service) and finance exception is a case that "
                + "people acknowledge, assign, comment and resolve, and that the data closes when it is no longer "
                + "flagged. States: OPEN, IN_PROGRESS, WAITING (fixed; the data should clear it), ACCEPTED (stands "
                + "as it is), CLOSED.",
                "Several ids, or the list filters instead of ids, act in bulk: all or nothing."},
        subcommands = {CasesCommand.ListCases.class, CasesCommand.Show.class, CasesCommand.Ack.class,
                CasesCommand.Assign.class, CasesCommand.Comment.class, CasesCommand.Resolve.class,
                CasesCommand.Reopen.class})
final class CasesCommand {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    enum Format { table, csv, json }

    /** The filters of {@code list}, also the selection of a bulk action. */
    static final class Filters {
        @Option(names = "--all", description = "Every state, CLOSED included.")
        boolean all;

        @Option(names = "--state", split = ",", paramLabel = "STATE",
                description = "Only these states (comma-separated): OPEN, IN_PROGRESS, WAITING, ACCEPTED, CLOSED.")
        List<CaseState> states;

        @Option(names = "--kind", paramLabel = "KIND", description = "ESCALATION or EXCEPTION.")
        CaseKind kind;

        @Option(names = "--priority", paramLabel = "PRIORITY", description = "HIGH or NORMAL.")
        Priority priority;

        @Option(names = "--assignee", paramLabel = "NAME", description = "Only cases assigned to NAME.")
        String assignee;

        @Option(names = "--overdue", description = "Only OPEN or IN_PROGRESS cases past their due date.")
        boolean overdue;

        CaseFilter toFilter(LocalDate latestCompleted) {
            Set<CaseState> chosen = states != null ? EnumSet.copyOf(states)
                    : all ? EnumSet.allOf(CaseState.class) : CaseFilter.NOT_CLOSED;
            return new CaseFilter(chosen, kind, priority, assignee, overdue, latestCompleted);
        }

        boolean given() {
            return all || states != null || kind != null || priority != null || assignee != null || overdue;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Cases by case_id; by default every state but CLOSED.",
                    "csv: case_id,kind,type,request_id,order_id,txn_id,priority,state,assignee,opened_on,"
                            + "last_flagged_on,closed_on,due_on,overdue,reopen_count,amount,currency,detail"})
    static final class ListCases implements Callable<Integer> {
        @Mixin
        Filters filters;

        @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
                description = "table (default), csv or json: csv and json write only the document.")
        Format format;

        @Override
        public Integer call() throws IOException {
            try (ConfigurableApplicationContext store = Store.openForReading()) {
                CaseStore cases = store.getBean(CaseStore.class);
                LocalDate latest = cases.clock().latestCompleted();
                CaseFilter filter = filters.toFilter(latest);
                Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
                switch (format) {
                    case csv -> {
                        ICSVWriter csv = csvWriter(out);
                        csv.writeNext(CaseListing.CASE_COLUMNS.toArray(String[]::new), false);
                        cases.list(filter, c -> csv.writeNext(CaseListing.row(c, latest), false));
                        csv.flush();
                    }
                    case json -> {
                        List<Map<String, Object>> rows = new ArrayList<>();
                        cases.list(filter, c -> rows.add(CaseListing.json(c, latest)));
                        Map<String, Object> document = new LinkedHashMap<>();
                        document.put("latest_completed_date", latest == null ? "" : latest.toString());
                        document.put("count", rows.size());
                        document.put("cases", rows);
                        out.write(JSON.writeValueAsString(document));
                        out.write(System.lineSeparator());
                    }
                    default -> table(cases, filter, latest, out);
                }
                out.flush();
                return 0;
            }
        }

        private static void table(CaseStore cases, CaseFilter filter, LocalDate latest, Writer out) throws IOException {
            PrintWriter print = new PrintWriter(out);
            String format = "%6s  %-10s  %-24s  %-14s  %-8s  %-6s  %-11s  %-12s  %-10s  %-10s  %13s  %s%n";
            print.printf(format, "case", "kind", "type", "request", "txn", "prio", "state", "assignee", "opened",
                    "due", "amount", "detail");
            long[] count = {0};
            cases.list(filter, c -> {
                count[0]++;
                print.printf(format, c.caseId(), c.kind(), c.type(), c.requestId(), c.txnId(), c.priority(), c.state(),
                        c.assignee() == null ? "" : c.assignee(), c.openedOn(),
                        c.dueOn() + (c.overdue(latest) ? "!" : ""),
                        c.amount() == null ? "" : c.amount().toPlainString() + " " + c.currency(),
                        oneLine(c.detail(), 60));
            });
            print.printf("%d case(s)%s; latest completed date %s; ! = overdue%n", count[0],
                    filter.narrows() ? " matching" : " not CLOSED", latest == null ? "(none)" : latest);
            print.flush();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One case: its facts, its events, and its request's explain.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The case id.")
        long caseId;

        @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
                description = "table (default) or json.")
        Format format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (format == Format.csv) {
                throw new ParameterException(spec.commandLine(), "--format must be table or json");
            }
            try (ConfigurableApplicationContext store = Store.openForReading()) {
                CaseStore cases = store.getBean(CaseStore.class);
                LocalDate latest = cases.clock().latestCompleted();
                Case c = cases.find(caseId).orElse(null);
                if (c == null) {
                    System.err.println("recon: case " + caseId + ": no such case");
                    return ReconCommand.USAGE;
                }
                List<CaseEvent> events = cases.events(caseId);
                Explanation explanation = null;
                String noExplanation = "the case names no request";
                if (!c.requestId().isEmpty()) {
                    try {
                        explanation = store.getBean(Explainer.class).explain(c.requestId(), null);
                    } catch (Explainer.NothingToExplain e) {
                        noExplanation = e.getMessage();
                    }
                }
                if (format == Format.json) {
                    Map<String, Object> document = new LinkedHashMap<>(CaseListing.json(c, latest));
                    document.put("events", events.stream().map(CaseListing::eventJson).toList());
                    document.put("explain", explanation == null ? null : ExplainJson.toNode(explanation));
                    System.out.println(JSON.writeValueAsString(document));
                    return 0;
                }
                PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                String[] row = CaseListing.row(c, latest);
                for (int i = 0; i < row.length; i++) {
                    out.printf("%-16s %s%n", CaseListing.CASE_COLUMNS.get(i), row[i]);
                }
                out.println();
                out.println("events:");
                for (CaseEvent e : events) {
                    out.printf("  %3d  %s  %-10s  %-9s  %s%s%s%s%n", e.eventNo(), CaseListing.instant(e.at()),
                            e.actor(), e.action(),
                            e.fromState() == null ? "" : e.fromState() + " -> ", e.toState(),
                            e.businessDate() == null ? "" : " (data of " + e.businessDate() + ")",
                            describe(e));
                }
                out.println();
                if (explanation == null) {
                    out.println("explain: " + noExplanation);
                } else {
                    out.println("explain of " + c.requestId() + ":");
                    ExplainText.write(explanation, out);
                }
                out.flush();
                return 0;
            }
        }

        private static String describe(CaseEvent e) {
            StringBuilder text = new StringBuilder();
            if (e.assignee() != null) {
                text.append(", assignee ").append(e.assignee());
            }
            if (e.disposition() != null) {
                text.append(", ").append(e.disposition());
            }
            if (e.note() != null && !e.note().isEmpty()) {
                text.append(": ").append(oneLine(e.note(), 200));
            }
            return text.toString();
        }
    }

    /** What every action shares: the cases (ids or a filter) and who acts. */
    abstract static class Action implements Callable<Integer> {
        @Parameters(paramLabel = "ID", arity = "0..*", description = "Case ids (or a filter instead).")
        List<Long> ids = new ArrayList<>();

        @Mixin
        Filters filters;

        @Option(names = "--as", paramLabel = "WHO", description = "Who acts (default: the operating-system user).")
        String actor = System.getProperty("user.name");

        @Spec
        CommandSpec spec;

        abstract PersonAction action();

        @Override
        public Integer call() {
            if (ids.isEmpty() == !filters.given()) {
                throw new ParameterException(spec.commandLine(),
                        "name the cases: case ids, or a filter (--state, --kind, --priority, --assignee, --overdue,"
                                + " --all) instead of ids");
            }
            if (actor == null || actor.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--as must name who acts");
            }
            PersonAction action = action();
            try (ConfigurableApplicationContext store = Store.openForReading()) {
                CaseDesk desk = store.getBean(CaseDesk.class);
                List<Long> selected = ids.isEmpty() ? desk.select(filters.toFilter(desk.latestCompleted())) : ids;
                if (selected.isEmpty()) {
                    System.out.println("No case matches; nothing changed.");
                    return 0;
                }
                CaseDesk.Result result = desk.act(selected, action);
                if (result.refused()) {
                    result.refusals().forEach(line -> System.err.println("recon: " + line));
                    if (selected.size() > 1) {
                        System.err.println("recon: " + result.refusals().size() + " of " + selected.size()
                                + " case(s) refused " + action.spelled() + "; nothing changed");
                    }
                    return ReconCommand.USAGE;
                }
                for (Case c : result.changed()) {
                    System.out.printf("case %d %s %s: %s%s%n", c.caseId(), c.kind(),
                            c.requestId().isEmpty() ? c.txnId() : c.requestId(), c.state(),
                            c.assignee() == null ? "" : ", assignee " + c.assignee());
                }
                System.out.println(action.spelled() + ": " + result.changed().size() + " case(s) by " + action.actor());
                return 0;
            }
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true,
            description = "OPEN -> IN_PROGRESS; the case becomes yours when it has no assignee.")
    static final class Ack extends Action {
        @Override
        PersonAction action() {
            return PersonAction.ack(actor);
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Give the cases to someone (any state but CLOSED; the state does not change).")
    static final class Assign extends Action {
        @Option(names = "--to", required = true, paramLabel = "NAME", description = "The new assignee.")
        String to;

        @Override
        PersonAction action() {
            return PersonAction.assign(actor, to);
        }
    }

    @Command(name = "comment", mixinStandardHelpOptions = true, description = "Add a note (any state).")
    static final class Comment extends Action {
        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "The comment.")
        String note;

        @Override
        PersonAction action() {
            return PersonAction.comment(actor, note);
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = {"--fixed: OPEN/IN_PROGRESS -> WAITING (you fixed the cause; if the data still flags it "
                    + "recheck-days dates later it opens again).",
                    "--accepted: OPEN/IN_PROGRESS/WAITING -> ACCEPTED (it stands as it is; it opens again if its "
                            + "type or amount changes)."})
    static final class Resolve extends Action {
        static final class How {
            @Option(names = "--fixed", required = true, description = "The cause was fixed.")
            boolean fixed;
            @Option(names = "--accepted", required = true, description = "It stands as it is.")
            boolean accepted;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        How how;

        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "What was done, or why.")
        String note;

        @Override
        PersonAction action() {
            return PersonAction.resolve(actor, how.fixed ? Disposition.FIXED : Disposition.ACCEPTED, note);
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true, description = "WAITING/ACCEPTED -> OPEN.")
    static final class Reopen extends Action {
        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "Why.")
        String note;

        @Override
        PersonAction action() {
            return PersonAction.reopen(actor, note);
        }
    }

    static ICSVWriter csvWriter(Writer out) {
        return new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\n");
    }

    static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
