package com.retail.recon.cli;

import com.retail.recon.bundle.ReceiptReader;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.job.Job;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.dsl.IntegrationFlow;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What each kind of command starts: only what it uses (start-up time), and still all it needs. */
class StoreTests {

    @TempDir
    Path folder;

    private ConfigurableApplicationContext context;

    @AfterEach
    void close() {
        ReconCommand.springArguments.clear();
        if (context != null) {
            context.close();
        }
    }

    private ConfigurableApplicationContext open(boolean reading, String... arguments) {
        ReconCommand.springArguments.clear();
        ReconCommand.springArguments.addAll(TestStore.h2(folder).springArguments());
        ReconCommand.springArguments.addAll(List.of(arguments));
        context = reading ? Store.openForReading() : Store.open();
        return context;
    }

    @Test
    void aCommandThatOnlyReads_migratesTheStore_butBuildsNoJob() {
        open(true);

        assertThat(TestStore.h2(folder).jdbc().queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success", Integer.class)).isPositive();
        assertThat(context.getBeanFactory().containsSingleton("nightlyReconciliation")).isFalse();
        assertThat(context.getBeanFactory().containsSingleton("jobOperator")).isFalse();
        assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
        assertThat(context.getBean(com.retail.recon.run.RunHistory.class).recent(null, 5)).isEmpty();
    }

    @Test
    void aLocalRun_hasTheJob_andNothingOfRabbitMqOrSpringIntegration() {
        open(false);

        assertThat(context.getBeanFactory().containsSingleton("nightlyReconciliation")).isTrue();
        assertThat(context.getBean(Job.class).getName()).isEqualTo("nightlyReconciliation");
        assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RabbitTemplate.class)).isEmpty();
        assertThat(context.getBeanNamesForType(IntegrationFlow.class)).isEmpty();
    }

    @Test
    void aRemoteManager_sendsOverRabbitMq_configuredBySpringBoot() {
        // nothing connects to the broker before the first partition is sent: no broker is needed here
        open(false, "--recon.workers.mode=remote", "--spring.rabbitmq.host=127.0.0.1",
                "--spring.rabbitmq.port=1");

        assertThat(context.getBean(RabbitTemplate.class)).isNotNull();
        assertThat(context.getBeanNamesForType(IntegrationFlow.class)).containsExactly("partitionRequestsToBroker");
        assertThat(context.getBean("partitionRequestQueue")).isNotNull();
    }

    @Test
    void theReceiptsQuery_findsEachRequestsRefundsThroughAnIndex_onH2() {
        open(true);

        // Without recon_refund_by_assigned_request, H2 scanned all of a date's refunds once per refunded
        // request: on a 1,000,000-line night the receipts step never finished.
        String plan = TestStore.h2(folder).jdbc().queryForObject("EXPLAIN " + ReceiptReader.SQL, String.class,
                java.sql.Date.valueOf("2026-11-20"), java.sql.Date.valueOf("2026-11-20"));
        assertThat(plan).contains("recon_refund_by_assigned_request: business_date = r.business_date")
                .contains("AND assigned_request_id = r.request_id");
    }
}
