package com.retail.recon.run;

import com.retail.recon.batch.NightlyRun;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The runs of the nightly job, newest first, from the job repository: what `recon status` shows. */
@Component
public class RunHistory {

    /** One execution of the nightly job. Counts are null when the run did not get that far. */
    public record Run(LocalDate businessDate, long attempt, String state, LocalDateTime started, Duration duration,
                      Long rowsRead, Long rowsAccepted, Long rowsRejected, Long requests, String bundlePath,
                      String exitDescription) {
    }

    private final JobRepository jobRepository;
    private final RunLock runLock;

    public RunHistory(JobRepository jobRepository, DataSource dataSource) {
        this.jobRepository = jobRepository;
        this.runLock = new RunLock(dataSource);
    }

    /** @param date only this business date's runs, or every date when null */
    public List<Run> recent(LocalDate date, int limit) {
        List<Run> runs = new ArrayList<>();
        for (JobInstance instance : jobRepository.findJobInstances(NightlyRun.JOB_NAME)) {
            for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
                NightlyRun run = NightlyRun.of(execution.getJobParameters());
                if (date == null || date.equals(run.businessDate())) {
                    runs.add(toRun(run, execution));
                }
            }
        }
        runs.sort(Comparator.comparing(Run::started, Comparator.nullsLast(Comparator.reverseOrder())));
        return runs.size() > limit ? runs.subList(0, limit) : runs;
    }

    /** One step of a run as the desk's dashboard shows it; partitions' own executions are left out. */
    public record StepTiming(String name, String status, Duration duration, long read, long written,
                             long skipped) {
    }

    /** The steps of one run (business date and attempt) in the order they started; empty for an unknown run. */
    public List<StepTiming> steps(LocalDate date, long attempt) {
        for (JobInstance instance : jobRepository.findJobInstances(NightlyRun.JOB_NAME)) {
            for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
                NightlyRun run = NightlyRun.of(execution.getJobParameters());
                if (date.equals(run.businessDate()) && run.attempt() == attempt) {
                    JobExecution full = jobRepository.getJobExecution(execution.getId());
                    return (full == null ? execution : full).getStepExecutions().stream()
                            .filter(step -> step.getStepName().indexOf(':') < 0)
                            .sorted(Comparator.comparing(StepExecution::getStartTime,
                                    Comparator.nullsLast(Comparator.naturalOrder())))
                            .map(RunHistory::timing).toList();
                }
            }
        }
        return List.of();
    }

    private static StepTiming timing(StepExecution step) {
        LocalDateTime started = step.getStartTime();
        LocalDateTime ended = step.getEndTime();
        Duration duration = started == null ? null
                : Duration.between(started, ended != null ? ended : LocalDateTime.now());
        return new StepTiming(step.getStepName(), step.getStatus().name(), duration, step.getReadCount(),
                step.getWriteCount(), step.getSkipCount());
    }

    private Run toRun(NightlyRun run, JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        LocalDateTime started = execution.getStartTime();
        LocalDateTime ended = execution.getEndTime();
        Duration duration = started == null ? null
                : Duration.between(started, ended != null ? ended : LocalDateTime.now());
        return new Run(run.businessDate(), run.attempt(), state(run, execution), started, duration,
                count(context, NightlyRun.ROWS_READ), count(context, NightlyRun.ROWS_ACCEPTED),
                count(context, NightlyRun.ROWS_REJECTED), count(context, NightlyRun.REQUESTS),
                context.containsKey(NightlyRun.BUNDLE_PATH) ? context.getString(NightlyRun.BUNDLE_PATH) : null,
                execution.getExitStatus().getExitDescription());
    }

    /** The inbox and archive folders runs of this store were given (absolute, as given). */
    public record Folders(java.util.Set<java.nio.file.Path> inboxes, java.util.Set<java.nio.file.Path> archives) {
    }

    /** Every inbox and archive folder this store's runs used: what must not be written into by anything else. */
    public Folders folders() {
        Folders folders = new Folders(new java.util.TreeSet<>(), new java.util.TreeSet<>());
        for (JobInstance instance : jobRepository.findJobInstances(NightlyRun.JOB_NAME)) {
            JobExecution execution = jobRepository.getLastJobExecution(instance);
            if (execution != null) {
                NightlyRun run = NightlyRun.of(execution.getJobParameters());
                folders.inboxes().add(run.inbox());
                folders.archives().add(run.archive());
            }
        }
        return folders;
    }

    /** A STARTED run whose date is not locked was interrupted (its process died): it can be restarted. */
    private String state(NightlyRun run, JobExecution execution) {
        if (execution.getStatus() != BatchStatus.STARTED && execution.getStatus() != BatchStatus.STARTING) {
            return execution.getStatus().name();
        }
        try (RunLock.Held ignored = runLock.acquire(run.businessDate())) {
            return "INTERRUPTED";
        } catch (RunLock.Busy busy) {
            return "RUNNING";
        }
    }

    private static Long count(ExecutionContext context, String key) {
        return context.containsKey(key) ? context.getLong(key) : null;
    }
}
