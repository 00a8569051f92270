package com.retail.recon.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"For hosts without cron (containers): stay in the foreground and, at every tick of a cron "
                + "expression (Spring's six-field format, in the policy's zone), run every inbox date not yet "
                + "completed up to yesterday, in order, each under its date's lock, stopping at the first failure "
                + "until the next tick. Stop it with Ctrl-C or SIGTERM."})
final class ScheduleCommand implements Callable<Integer> {

    @Mixin
    DateOptions options;

    @Option(names = "--cron", paramLabel = "EXPRESSION", defaultValue = NightlySchedule.DAILY,
            description = "When to run: second minute hour day month weekday (default: ${DEFAULT-VALUE}, "
                    + "02:30 every day).")
    String cron;

    @Option(names = "--ticks", hidden = true, defaultValue = "0", description = "Stop after this many ticks (tests).")
    int ticks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CronExpression expression = NightlySchedule.parse(cron, spec);
        try (ConfigurableApplicationContext store = Store.open()) {
            return new NightlySchedule(expression, store, options.allowMissing, options.timings).run(ticks);
        }
    }
}
