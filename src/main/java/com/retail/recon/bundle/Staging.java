package com.retail.recon.bundle;

import com.retail.recon.archive.Bundles;
import com.retail.recon.batch.NightlyRun;
import org.springframework.batch.core.job.JobExecution;

import java.nio.file.Path;

/** Where a run writes its bundle before publishing it: a hidden folder of the archive, one per job instance. */
public final class Staging {

    private Staging() {
    }

    public static Path of(JobExecution execution) {
        NightlyRun run = NightlyRun.of(execution.getJobParameters());
        return Bundles.staging(run.archive(), run.businessDate(), execution.getJobInstance().getInstanceId());
    }
}
