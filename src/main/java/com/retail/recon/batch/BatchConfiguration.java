package com.retail.recon.batch;

import com.retail.recon.system.ReconProperties;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** What the slices' step configurations build their steps with. */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    @Bean
    StepFactory stepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            PartitionedSteps partitionedSteps, ObjectProvider<StepObserver> observers,
                            ObjectProvider<ObservationRegistry> observations) {
        return new StepFactory(jobRepository, transactionManager, partitionedSteps,
                StepObserver.all(observers.orderedStream().toList()), observationsOrNone(observations));
    }

    /** The worker steps of the partitioned steps, by name: remote workers find their step here. */
    @Bean
    PartitionedSteps partitionedSteps(JobRepository jobRepository, PartitionedSteps.Execution execution,
                                      ObjectProvider<ObservationRegistry> observations) {
        return new PartitionedSteps(jobRepository, execution, observationsOrNone(observations));
    }

    /** Micrometer is there only in the processes that export metrics (metrics.MetricsExport). */
    private static ObservationRegistry observationsOrNone(ObjectProvider<ObservationRegistry> observations) {
        return observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    /**
     * Partitions run on threads of this process, as many at once as there are partitions (unless
     * recon.workers.mode=remote: see scaleout.RemotePartitioning).
     */
    @Bean
    @ConditionalOnProperty(name = "recon.workers.mode", havingValue = "local", matchIfMissing = true)
    PartitionedSteps.Execution localPartitions(ReconProperties properties) {
        return PartitionedSteps.Execution.local(properties.partitions());
    }
}
