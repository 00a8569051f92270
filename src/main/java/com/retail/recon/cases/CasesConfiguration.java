package com.retail.recon.cases;

import com.retail.recon.batch.NightlyRun;
import com.retail.recon.batch.StepFactory;
import com.retail.recon.batch.StepNames;
import com.retail.recon.system.ReconProperties;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cases slice's Spring wiring: the rules with the configured policy, and the night's {@code cases} step. */
@Configuration(proxyBeanMethods = false)
class CasesConfiguration {

    @Bean
    CaseRules caseRules(ReconProperties properties) {
        return new CaseRules(properties.cases().toCasePolicy());
    }

    /** After the ledgers: the date's flags become cases (one transaction: a crash leaves all or nothing). */
    @Bean
    Step cases(StepFactory steps, CaseNight night) {
        return steps.tasklet(StepNames.CASES, observer -> (contribution, context) -> {
            NightlyRun run = NightlyRun.of(context.getStepContext().getStepExecution().getJobParameters());
            CaseNight.Applied applied = night.apply(run.businessDate());
            contribution.incrementWriteCount(applied.opened() + applied.reopened() + applied.closed());
            // everything written, nothing committed yet: where the crash tests kill it
            observer.reached(StepNames.CASES);
            return RepeatStatus.FINISHED;
        });
    }
}
