package com.retail.recon.cli;

import com.retail.recon.run.NightlyService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Continue the failed or interrupted run of a business date from its last checkpoint, "
                + "with the parameters it started with. Nothing is duplicated."})
final class RestartCommand implements Callable<Integer> {

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The business date.")
    LocalDate date;

    @Option(names = "--timings", description = "Also print each step's duration and items per second.")
    boolean timings;

    @Option(names = "--workers", paramLabel = "local|remote",
            description = "Where the unfinished partitions run: local (default) on this machine's cores, remote on "
                    + "recon worker processes over RabbitMQ (same as --recon.workers.mode=remote).")
    void workers(DateOptions.Workers where) {
        ReconCommand.setProperty("recon.workers.mode", where.toString());
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext store = Store.openPushingMetrics()) {
            return new RunEnd(store).finish("restart", date, store.getBean(NightlyService.class).restart(date),
                    timings);
        }
    }
}
