package com.retail.recon.cli;

import com.retail.recon.run.NightlyService;
import com.retail.recon.system.ReconProperties;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the nightly job for a business date.",
                "A date that already completed does nothing (exit 0). A date whose earlier inbox dates have not "
                        + "completed is refused (exit 2). A failed or interrupted date is restarted from its last "
                        + "checkpoint, or started afresh if its input files changed since (e.g. a fixed export). "
                        + "Anything at a bundle path of the date (<archive>/<D>, <D>.r<N>) that this store did not "
                        + "publish stops the date (exit 2): move it out of the archive."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    DateOptions options;

    @Option(names = "--catch-up",
            description = "Run every inbox date not yet completed, in order, up to --date; stop at the first "
                    + "that does not succeed.")
    boolean catchUp;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext store = Store.openPushingMetrics()) {
            ReconProperties properties = store.getBean(ReconProperties.class);
            NightlyService service = store.getBean(NightlyService.class);
            var inbox = properties.inbox();
            var archive = properties.archive();
            LocalDate date = options.date != null ? options.date
                    : LocalDate.now(properties.policy().zone()).minusDays(1);
            List<LocalDate> dates = catchUp ? service.catchUpDates(date, inbox) : List.of(date);
            if (dates.isEmpty()) {
                System.out.println("Nothing to do: every inbox date up to " + date + " has completed.");
                return NightlyService.OK;
            }
            int exit = NightlyService.OK;
            RunEnd end = new RunEnd(store);
            for (LocalDate each : dates) {
                exit = end.finish("run", each, service.run(each, inbox, archive, options.allowMissing),
                        options.timings);
                if (exit != NightlyService.OK) {
                    break;
                }
            }
            return exit;
        }
    }
}
