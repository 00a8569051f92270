package com.retail.recon.cli;

import com.retail.recon.explain.ExplainJson;
import com.retail.recon.explain.ExplainText;
import com.retail.recon.explain.Explainer;
import com.retail.recon.explain.Explanation;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"A request's verdict, date by date, with the arithmetic and the rule that decided.",
                "For every completed business date up to D on which the request was reported, worked out from the "
                + "store with the rules: the versions of the request, its order lines and its "
                + "refunds in force that day (each with the date it arrived), E line by line, S, P and F from which "
                + "transactions, the policy check and the outcome row that decided (and why the rows above did "
                + "not), the age against its SLA to the second, flagged and priority. Each date is compared with "
                + "its ledger; a difference is printed with !! and the exit code is 4. A request never reported up "
                + "to D, or a store where no date has completed: one line, exit 2."})
final class ExplainCommand implements Callable<Integer> {

    /** Exit code when a re-derived verdict differs from its ledger: the cross-check found a problem. */
    static final int DIFFERS_FROM_LEDGER = 4;

    enum Format { table, json }

    @Parameters(index = "0", paramLabel = "REQUEST_ID", description = "The cancellation request's id.")
    String requestId;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The last business date to explain (default: the latest completed date).")
    LocalDate date;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default): a worked example to read; json: the document only.")
    Format format;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext store = Store.openForReading()) {
            Explanation explanation;
            try {
                explanation = store.getBean(Explainer.class).explain(requestId, date);
            } catch (Explainer.NothingToExplain nothing) {
                System.err.println("recon: " + nothing.getMessage());
                return ReconCommand.USAGE;
            }
            if (format == Format.json) {
                System.out.print(ExplainJson.write(explanation));
            } else {
                StringWriter text = new StringWriter();
                ExplainText.write(explanation, new PrintWriter(text));
                System.out.print(text);
            }
            System.out.flush();
            if (!explanation.matchesLedgers()) {
                System.err.println("recon: the verdict of " + requestId + " re-derived from the store differs from "
                        + "its ledger (lines marked !!): was the date run with other policy settings?");
                return DIFFERS_FROM_LEDGER;
            }
            return 0;
        }
    }
}
