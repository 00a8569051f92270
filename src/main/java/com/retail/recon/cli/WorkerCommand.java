package com.retail.recon.cli;

import com.retail.recon.scaleout.RemotePartitioning;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run partitions for managers started with --workers remote, until stopped (SIGTERM or "
                + "Ctrl-C).",
                "Takes partition requests from the RabbitMQ queue recon.workers.queue (broker: spring.rabbitmq.*), "
                        + "runs each against the shared store (spring.datasource.*), recon.workers.threads at once. "
                        + "The inbox and archive folders must be reachable under the same paths as on the manager.",
                "Monitoring: /actuator/health and /actuator/prometheus on management.server.address and "
                        + "management.server.port (default 127.0.0.1:8081), no login."})
final class WorkerCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        ReconCommand.springArguments.add("--recon.workers.listen=true");
        // a web application for its management port alone (no desk: desk.DeskConfiguration), served by the one
        // embedded server on that port and address
        ReconCommand.setProperty("spring.main.web-application-type", "servlet");
        ReconCommand.setProperty("server.port", "${management.server.port}");
        ReconCommand.setProperty("server.address", "${management.server.address}");
        CountDownLatch stopped = new CountDownLatch(1);
        ConfigurableApplicationContext store = Store.open();
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "recon-worker-stop"));
        RemotePartitioning.Settings settings = store.getBean(RemotePartitioning.Settings.class);
        RabbitProperties rabbit = store.getBean(RabbitProperties.class);
        System.out.println("recon worker: running partitions from queue " + settings.queue() + " on "
                + rabbit.determineHost() + ":" + rabbit.determinePort() + ", " + settings.workerThreads()
                + " at once; metrics at http://" + store.getEnvironment().getProperty("server.address") + ":"
                + managementPort(store.getEnvironment()) + "/actuator/prometheus; stop with SIGTERM or Ctrl-C");
        stopped.await();
        return 0;
    }

    /**
     * The one server's port; only with management.server.port=0 (a random port, as in tests) does Boot see two
     * ports that differ and give the actuator a server of its own.
     */
    private static String managementPort(Environment environment) {
        return environment.getProperty("local.management.port", environment.getProperty("local.server.port", ""));
    }
}
