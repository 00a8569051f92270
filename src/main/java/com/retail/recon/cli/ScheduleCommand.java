package com.retail.recon.cli;

import com.retail.recon.run.NightlyService;
import com.retail.recon.system.ReconProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"For hosts without cron (containers): stay in the foreground and, at every tick of a cron "
                + "expression (Spring's six-field format, in the policy's zone), run every inbox date not yet "
                + "completed up to yesterday, in order, each under its date's lock, stopping at the first failure "
                + "until the next tick. Stop it with Ctrl-C or SIGTERM."})
final class ScheduleCommand implements Callable<Integer> {

    @Mixin
    DateOptions options;

    @Option(names = "--cron", paramLabel = "EXPRESSION", defaultValue = "0 30 2 * * *",
            description = "When to run: second minute hour day month weekday (default: ${DEFAULT-VALUE}, "
                    + "02:30 every day).")
    String cron;

    @Option(names = "--ticks", hidden = true, defaultValue = "0", description = "Stop after this many ticks (tests).")
    int ticks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CronExpression expression;
        try {
            expression = CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cron '" + cron + "': " + e.getMessage());
        }
        try (ConfigurableApplicationContext store = Store.open()) {
            ReconProperties properties = store.getBean(ReconProperties.class);
            NightlyService service = store.getBean(NightlyService.class);
            var inbox = properties.inbox();
            var archive = properties.archive();
            int exit = NightlyService.OK;
            for (int tick = 1; ticks == 0 || tick <= ticks; tick++) {
                ZonedDateTime now = ZonedDateTime.now(properties.policy().zone());
                ZonedDateTime next = expression.next(now);
                System.out.println("next run at " + next);
                Thread.sleep(Math.max(0, Duration.between(ZonedDateTime.now(next.getZone()), next).toMillis()));
                LocalDate yesterday = next.toLocalDate().minusDays(1);
                List<LocalDate> dates = service.catchUpDates(yesterday, inbox);
                if (dates.isEmpty()) {
                    System.out.println("Nothing to do: every inbox date up to " + yesterday + " has completed.");
                }
                exit = NightlyService.OK;
                for (LocalDate date : dates) {
                    exit = Printer.print(service.run(date, inbox, archive, options.allowMissing), options.timings);
                    if (exit != NightlyService.OK) {
                        break;
                    }
                }
            }
            return exit;
        }
    }
}
