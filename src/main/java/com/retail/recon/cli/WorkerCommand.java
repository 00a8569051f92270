package com.retail.recon.cli;

import com.retail.recon.scaleout.RemotePartitioning;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run partitions for managers started with --workers remote, until stopped (SIGTERM or "
                + "Ctrl-C).",
                "Takes partition requests from the RabbitMQ queue recon.workers.queue (broker: spring.rabbitmq.*), "
                        + "runs each against the shared store (spring.datasource.*), recon.workers.threads at once. "
                        + "The inbox and archive folders must be reachable under the same paths as on the manager."})
final class WorkerCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        ReconCommand.springArguments.add("--recon.workers.listen=true");
        CountDownLatch stopped = new CountDownLatch(1);
        ConfigurableApplicationContext store = Store.open();
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "recon-worker-stop"));
        RemotePartitioning.Settings settings = store.getBean(RemotePartitioning.Settings.class);
        RabbitProperties rabbit = store.getBean(RabbitProperties.class);
        System.out.println("recon worker: running partitions from queue " + settings.queue() + " on "
                + rabbit.determineHost() + ":" + rabbit.determinePort() + ", " + settings.workerThreads()
                + " at once; stop with SIGTERM or Ctrl-C");
        stopped.await();
        return 0;
    }
}
