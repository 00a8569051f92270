package com.retail.recon.batch;

import com.retail.recon.domain.InputFile;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The parameters of one run of the nightly job. The business date and the attempt identify the job
 * instance: a failed attempt is restarted under the same identity; a rerun is a new attempt.
 */
public record NightlyRun(LocalDate businessDate, long attempt, Path inbox, Path archive, boolean allowMissing) {

    public static final String JOB_NAME = "nightlyReconciliation";

    /** What a run leaves in its job execution context, for `recon status` (keys kept from earlier versions). */
    public static final String ROWS_READ = "rows.read";
    public static final String ROWS_ACCEPTED = "rows.accepted";
    public static final String ROWS_REJECTED = "rows.rejected";
    public static final String REQUESTS = "requests.reported";
    public static final String BUNDLE_PATH = "bundle.path";

    /** The job parameter holding an input file's SHA-256 when the run started (bag-info, restart checks). */
    public static String fingerprintKey(InputFile file) {
        return file.fileName() + ".sha256";
    }

    /** The run's identity in its bundle's bag-info (Run-Id): the job and its instance. */
    public static String runId(long jobInstanceId) {
        return JOB_NAME + "/" + jobInstanceId;
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addLocalDate("businessDate", businessDate, true)
                .addLong("attempt", attempt, true)
                .addString("inbox", inbox.toAbsolutePath().normalize().toString(), false)
                .addString("archive", archive.toAbsolutePath().normalize().toString(), false)
                .addString("allowMissing", Boolean.toString(allowMissing), false)
                .toJobParameters();
    }

    public static NightlyRun of(JobParameters parameters) {
        return new NightlyRun(
                parameters.getLocalDate("businessDate"),
                parameters.getLong("attempt"),
                Path.of(parameters.getString("inbox")),
                Path.of(parameters.getString("archive")),
                Boolean.parseBoolean(parameters.getString("allowMissing")));
    }

    public Path inputPath(InputFile file) {
        return inbox.resolve(businessDate.toString()).resolve(file.fileName());
    }
}
