package com.retail.recon.scaleout;

import com.retail.recon.batch.PartitionedSteps;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Spreading the partitioned steps over worker processes, with Spring Batch's remote partitioning: the
 * manager ({@code recon run ... --workers remote}) saves one step execution per partition in the shared job
 * repository and sends a request naming it to a RabbitMQ queue; each worker ({@code recon worker}) takes one
 * request at a time, runs that partition against the same store, and acknowledges the request when the
 * partition has finished. The manager learns the results by polling the job repository (no reply queue).
 * <p>
 * A worker that dies mid-partition never acknowledges its request, so the broker hands it to another worker,
 * which continues the partition from its last committed chunk. Requests for partitions that are no longer
 * running (finished, or failed and left to {@code recon restart}) are dropped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RemotePartitioning.Settings.class)
public class RemotePartitioning {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitioning.class);

    /**
     * {@code recon.workers.*}: {@code mode} local (threads of this process) or remote (worker processes);
     * the queue the partition requests go to; how often the manager polls the job repository, and how long it
     * waits for all partitions of a step before failing the run; how many partitions a worker runs at once,
     * and how long a stopping worker waits for them to finish.
     */
    @ConfigurationProperties("recon.workers")
    @Validated
    public record Settings(@NotNull @Pattern(regexp = "(?i)local|remote", message = "must be local or remote")
                           String mode,
                           @NotBlank String queue,
                           @NotNull @DurationMin(millis = 1) Duration pollInterval,
                           @NotNull @DurationMin(millis = 1) Duration timeout,
                           @PositiveOrZero int threads,
                           @NotNull @DurationMin(millis = 0) Duration shutdownTimeout) {

        public int workerThreads() {
            return com.retail.recon.system.Cores.orOnePerCore(threads);
        }
    }

    /**
     * Whether this process talks to the broker: a manager in remote mode ({@code recon.workers.mode=remote}) or
     * a worker ({@code recon.workers.listen=true}, set by {@code recon worker}). Nothing else (local runs,
     * status, export, ...) configures RabbitMQ or Spring Integration: see {@link BrokerAutoConfigurationFilter}.
     */
    public static boolean usesBroker(Environment environment) {
        return "remote".equalsIgnoreCase(environment.getProperty("recon.workers.mode", ""))
                || "true".equalsIgnoreCase(environment.getProperty("recon.workers.listen", ""));
    }

    static final class UsesBroker implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return usesBroker(context.getEnvironment());
        }
    }

    /** What managers and workers share: the queue (declared by either, whichever connects first). */
    @Configuration(proxyBeanMethods = false)
    @Conditional(UsesBroker.class)
    static class Broker {

        /** Durable, so requests outlive a broker restart and wait for workers that start late. */
        @Bean
        Queue partitionRequestQueue(Settings settings) {
            return new Queue(settings.queue(), true);
        }
    }

    /** The manager side: partitions are sent to the queue and awaited in the job repository. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "recon.workers.mode", havingValue = "remote")
    @EnableIntegration
    static class Manager {

        @Bean
        DirectChannel partitionRequests() {
            return new DirectChannel();
        }

        @Bean
        IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, RabbitTemplate rabbit,
                                                  Settings settings) {
            return IntegrationFlow.from(partitionRequests)
                    .handle(Amqp.outboundAdapter(rabbit).routingKey(settings.queue()))
                    .get();
        }

        @Bean
        PartitionedSteps.Execution remotePartitions(DirectChannel partitionRequests, JobRepository jobRepository,
                                                    Settings settings,
                                                    com.retail.recon.system.ReconProperties properties) {
            return new PartitionedSteps.Execution() {
                @Override
                public int gridSize() {
                    return properties.partitions();
                }

                @Override
                public PartitionHandler handler(Step worker, int gridSize) {
                    MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler() {
                        @Override
                        protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions)
                                throws Exception {
                            try {
                                return super.doHandle(manager, partitions);
                            } catch (TimeoutException e) {
                                // the poller's own message ("Timed out waiting for task to return non-null
                                // result") tells the person on call nothing: say what was waited for, and where
                                IllegalStateException timedOut = new IllegalStateException("the partitions of "
                                        + manager.getStepName() + " did not all finish within recon.workers.timeout ("
                                        + settings.timeout() + "): is a recon worker running on queue "
                                        + settings.queue() + "?");
                                timedOut.addSuppressed(e);
                                throw timedOut;
                            }
                        }
                    };
                    handler.setStepName(worker.getName());
                    handler.setGridSize(gridSize);
                    handler.setMessagingOperations(new MessagingTemplate(partitionRequests));
                    handler.setJobRepository(jobRepository);   // poll the repository: no reply queue
                    handler.setPollInterval(settings.pollInterval().toMillis());
                    handler.setTimeout(settings.timeout().toMillis());
                    try {
                        handler.afterPropertiesSet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return handler;
                }
            };
        }
    }

    /** The worker side ({@code recon worker}): runs the partitions it is sent, one request per thread. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "recon.workers.listen", havingValue = "true")
    @EnableIntegration
    static class Worker {

        /** Only partition requests cross the broker: Java serialization, limited to that one class. */
        @Bean
        SimpleMessageConverter partitionRequestConverter() {
            SimpleMessageConverter converter = new SimpleMessageConverter();
            converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName()));
            return converter;
        }

        @Bean
        StepExecutionRequestHandler partitionRunner(JobRepository jobRepository, PartitionedSteps steps) {
            StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
            handler.setJobRepository(jobRepository);
            handler.setStepLocator(steps);
            return handler;
        }

        @Bean
        IntegrationFlow partitionRequestsFromBroker(ConnectionFactory connectionFactory,
                                                    SimpleMessageConverter partitionRequestConverter,
                                                    StepExecutionRequestHandler partitionRunner,
                                                    JobRepository jobRepository, Settings settings) {
            return IntegrationFlow.from(Amqp.inboundAdapter(connectionFactory, settings.queue())
                            .messageConverter(partitionRequestConverter)
                            // one request per consumer at a time (the default prefetch of 250 would let one
                            // worker hoard every partition); a request that cannot run is dropped, not requeued
                            .configureContainer(container -> container
                                    .prefetchCount(1)
                                    .concurrentConsumers(settings.workerThreads())
                                    .defaultRequeueRejected(false)
                                    // SIGTERM lets running partitions finish (and be acknowledged) first
                                    .shutdownTimeout(settings.shutdownTimeout().toMillis())))
                    .filter(StepExecutionRequest.class, request -> stillToRun(jobRepository, request))
                    .<StepExecutionRequest>handle((request, headers) -> {
                        StepExecution done = partitionRunner.handle(request);
                        log.info("{} {}", done.getStepName(), done.getStatus());
                        return null;
                    })
                    .get();
        }

        /**
         * A request is run only while its partition is waiting or running and its job is still running: after
         * a failure, {@code recon restart} makes new step executions for the unfinished partitions, and the
         * old requests must not run them a second time.
         */
        static boolean stillToRun(JobRepository jobRepository, StepExecutionRequest request) {
            StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
            boolean run = partition != null && partition.getJobExecution().isRunning()
                    && (partition.getStatus() == BatchStatus.STARTING || partition.getStatus() == BatchStatus.STARTED);
            if (!run) {
                log.info("dropped a request for {} (step execution {}): it is no longer to run",
                        request.getStepName(), request.getStepExecutionId());
            }
            return run;
        }
    }
}
