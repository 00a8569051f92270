package com.retail.recon.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"The desk: the web console and JSON API for customer service, finance and auditors, behind a "
                + "login, until stopped (SIGTERM or Ctrl-C).",
                "Listens on 127.0.0.1 (server.address; put a TLS reverse proxy in front, or give --address) at port "
                        + "8080 (server.port). Pages: the dashboard, runs (verify a bundle, download a ledger), "
                        + "exports, users. API: GET /api/runs with HTTP Basic.",
                "Add the first ADMIN before the first start: recon users add NAME --role ADMIN --password-stdin. "
                        + "recon run, cases, users and status keep working while the desk runs, on the embedded H2 "
                        + "store (its default URL has AUTO_SERVER=TRUE) as on PostgreSQL.",
                "--schedule: a one-machine install without cron; the desk also runs the nightly schedule, as "
                        + "recon schedule does (every inbox date not yet completed up to yesterday, in order, each "
                        + "under its date's lock) at every tick of --cron."})
final class ServeCommand implements Callable<Integer> {

    /** The desk while it runs: tests close it to stop serve. */
    static volatile ConfigurableApplicationContext running;

    @Option(names = "--port", paramLabel = "N", description = "The port (default: server.port, 8080).")
    Integer port;

    @Option(names = "--address", paramLabel = "HOST",
            description = "The address to listen on (default: server.address, 127.0.0.1; 0.0.0.0 for all).")
    String address;

    @Option(names = "--schedule", description = "Also run the nightly schedule in this process (as recon schedule).")
    boolean schedule;

    @Option(names = "--cron", paramLabel = "EXPRESSION",
            description = "With --schedule: when to run, second minute hour day month weekday in the policy's zone "
                    + "(default: " + NightlySchedule.DAILY + ", 02:30 every day).")
    String cron;

    @Option(names = "--inbox", paramLabel = "DIR", description = "With --schedule: the inbox (default: recon.inbox).")
    void inbox(Path inbox) {
        ReconCommand.setProperty("recon.inbox", inbox.toString());
    }

    @Option(names = "--archive", paramLabel = "DIR",
            description = "With --schedule: where bundles go (default: recon.archive).")
    void archive(Path archive) {
        ReconCommand.setProperty("recon.archive", archive.toString());
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 0 || port > 65535)) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535: " + port);
        }
        if (cron != null && !schedule) {
            throw new ParameterException(spec.commandLine(), "--cron needs --schedule");
        }
        CronExpression expression = schedule ? NightlySchedule.parse(cron == null ? NightlySchedule.DAILY : cron, spec)
                : null;
        // the one command that is a web application (application.yml: none); see desk.DeskAutoConfigurationFilter
        ReconCommand.setProperty("spring.main.web-application-type", "servlet");
        if (port != null) {
            ReconCommand.setProperty("server.port", port.toString());
        }
        if (address != null) {
            ReconCommand.setProperty("server.address", address);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ConfigurableApplicationContext desk = Store.open();
        desk.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        Thread scheduler = null;
        if (expression != null) {
            NightlySchedule nightly = new NightlySchedule(expression, desk, false, false);
            scheduler = new Thread(nightly::runLogged, "recon-schedule");
            scheduler.setDaemon(true);
            Thread started = scheduler;
            // before the store's beans go: a date being run finishes, then the schedule ends
            desk.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    nightly.stop();
                    try {
                        started.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            scheduler.start();
        }
        running = desk;
        Environment environment = desk.getEnvironment();
        System.out.println("recon serve: the desk is at http://" + environment.getProperty("server.address", "127.0.0.1")
                + ":" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                + "/ ; health and metrics at http://" + environment.getProperty("management.server.address", "127.0.0.1")
                + ":" + environment.getProperty("local.management.port", "?") + "/actuator/health and /actuator/prometheus"
                + "; stop with SIGTERM or Ctrl-C" + (scheduler == null ? "" : "; nightly schedule: " + expression));
        try {
            stopped.await();
        } finally {
            running = null;
        }
        return 0;
    }
}
