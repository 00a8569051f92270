package com.retail.recon.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"The desk: the web console and JSON API for customer service, finance and auditors, behind a "
                + "login, until stopped (SIGTERM or Ctrl-C).",
                "Listens on 127.0.0.1 (server.address; put a TLS reverse proxy in front, or give --address) at port "
                        + "8080 (server.port). Pages: the dashboard, runs (verify a bundle, download a ledger), "
                        + "exports, users. API: GET /api/runs with HTTP Basic.",
                "Add the first ADMIN before the first start: recon users add NAME --role ADMIN --password-stdin. "
                        + "On the embedded H2 store the desk holds the store while it runs (stop it for recon run, "
                        + "or share a PostgreSQL store)."})
final class ServeCommand implements Callable<Integer> {

    /** The desk while it runs: tests close it to stop serve. */
    static volatile ConfigurableApplicationContext running;

    @Option(names = "--port", paramLabel = "N", description = "The port (default: server.port, 8080).")
    Integer port;

    @Option(names = "--address", paramLabel = "HOST",
            description = "The address to listen on (default: server.address, 127.0.0.1; 0.0.0.0 for all).")
    String address;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 0 || port > 65535)) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535: " + port);
        }
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
        running = desk;
        Environment environment = desk.getEnvironment();
        System.out.println("recon serve: the desk is at http://" + environment.getProperty("server.address", "127.0.0.1")
                + ":" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                + "/ ; stop with SIGTERM or Ctrl-C");
        try {
            stopped.await();
        } finally {
            running = null;
        }
        return 0;
    }
}
