package com.retail.recon.bundle;

import com.retail.recon.batch.BusinessDays;
import com.retail.recon.batch.NightlyRun;

import com.retail.recon.archive.Bundles;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which bundles of a date are recon's own: those whose bag-info names one of the runs this store made of the
 * date (its job instances, attempt 1 to the last). Anything else at a bundle path stops the run before it
 * starts, and the publish step if it appears meanwhile.
 */
public final class OwnBundles {

    private OwnBundles() {
    }

    /** The Run-Ids (as bag-info carries them) of every attempt this store recorded for the date. */
    static Set<String> runIds(JobRepository jobRepository, BusinessDays days, LocalDate date) {
        Integer last = days.day(date).map(BusinessDays.Day::lastAttempt).orElse(null);
        Set<String> ids = new HashSet<>();
        for (long attempt = 1; last != null && attempt <= last; attempt++) {
            JobInstance instance = jobRepository.getJobInstance(NightlyRun.JOB_NAME,
                    new NightlyRun(date, attempt, Path.of("."), Path.of("."), false).toJobParameters());
            if (instance != null) {
                ids.add(NightlyRun.runId(instance.getInstanceId()));
            }
        }
        return ids;
    }

    /** Why the date cannot be published into the archive, if something foreign sits at one of its bundle paths. */
    public static Optional<String> refusal(JobRepository jobRepository, BusinessDays days, Path archive,
                                           LocalDate date) {
        try {
            List<Bundles.Foreign> foreign = Bundles.foreign(archive, date, runIds(jobRepository, days, date));
            return foreign.isEmpty() ? Optional.empty() : Optional.of(Bundles.refusal(date, foreign));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the archive " + archive + ": " + e.getMessage(), e);
        }
    }
}
