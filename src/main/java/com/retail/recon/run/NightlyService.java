package com.retail.recon.run;

import com.retail.recon.batch.BusinessDays;
import com.retail.recon.batch.NightlyRun;
import com.retail.recon.batch.RunLogContext;
import com.retail.recon.system.Failures;
import com.retail.recon.bundle.OwnBundles;
import com.retail.recon.bundle.Staging;
import com.retail.recon.ingest.InputProblems;

import com.retail.recon.archive.BagIt;
import com.retail.recon.ingest.CsvHeader;
import com.retail.recon.ingest.CsvRecordReader;
import com.retail.recon.ingest.InboxPaths;
import com.retail.recon.domain.InputFile;
import com.retail.recon.ingest.InputFileException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs, reruns and restarts business dates: under the date's lock, asks the {@link RunPlanner} what the
 * request means given the store's history, and carries the plan out with Spring Batch's job operator.
 * Refusals come back as results with the spec's exit codes.
 */
@Service
public class NightlyService {

    public static final int OK = RunPlanner.OK;
    public static final int JOB_FAILED = 1;
    public static final int USAGE = RunPlanner.USAGE;
    public static final int INPUT_REJECTED = RunPlanner.INPUT_REJECTED;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NightlyService.class);
    private static final Pattern DATE_FOLDER = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** What happened, for the command line to print: a message, the run's summary and step timings. */
    public record Result(int exitCode, String message, RunSummary summary, List<StepTiming> steps,
                         java.time.Duration duration, boolean anotherRunInProgress) {
        static Result refused(int exitCode, String message) {
            return new Result(exitCode, message, null, List.of(), null, false);
        }
    }

    /** How long one step of this execution took and how many items it read. */
    public record StepTiming(String step, java.time.Duration duration, long read) {
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final JdbcTemplate jdbc;
    private final BusinessDays days;
    private final RunLock runLock;
    private final RunPlanner planner;

    public NightlyService(JobOperator jobOperator, JobRepository jobRepository, Job nightlyReconciliation,
                          JdbcTemplate jdbc, DataSource dataSource, BusinessDays days) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = nightlyReconciliation;
        this.jdbc = jdbc;
        this.days = days;
        this.runLock = new RunLock(dataSource);
        this.planner = new RunPlanner(new StoreFacts());
    }

    /**
     * The nightly job for D. A completed date does nothing; a failed or interrupted one is restarted
     * (or started afresh if its input files changed since, e.g. after fixing a rejected export).
     */
    public Result run(LocalDate date, Path inbox, Path archive, boolean allowMissing) {
        return locked(date, () -> carryOut(planner.run(date, inbox, archive, allowMissing)));
    }

    /** Every date of the inbox from the store's first date (or the inbox's first, for a new store) up to D. */
    public List<LocalDate> catchUpDates(LocalDate through, Path inbox) {
        return planner.catchUpDates(through, inbox);
    }

    /** Recomputes a completed date from its inbox and writes the next bundle revision. */
    public Result rerun(LocalDate date, Path inbox, Path archive, boolean allowMissing) {
        return locked(date, () -> carryOut(planner.rerun(date, inbox, archive, allowMissing)));
    }

    /** Continues the failed or interrupted run of D from its last checkpoint. */
    public Result restart(LocalDate date) {
        return locked(date, () -> carryOut(planner.restart(date)));
    }

    private Result carryOut(RunPlanner.Plan plan) {
        if (plan instanceof RunPlanner.Refuse refuse) {
            return Result.refused(refuse.exitCode(), refuse.message());
        }
        if (plan instanceof RunPlanner.Restart restart) {
            return restartExecution(execution(restart.attempt()));
        }
        RunPlanner.Start start = (RunPlanner.Start) plan;
        start.abandon().ifPresent(attempt -> abandon(execution(attempt)));
        if (start.reopen()) {
            days.reopen(start.run().businessDate());
        }
        return start(start.run());
    }

    private JobExecution execution(RunPlanner.Attempt attempt) {
        return jobRepository.getJobExecution(attempt.executionId());
    }

    /** Holding the date's lock, no other process runs it: a STARTED execution left behind was interrupted. */
    private Result locked(LocalDate date, java.util.function.Supplier<Result> work) {
        RunLogContext.enter(date);
        try (RunLock.Held held = runLock.acquire(date)) {
            return work.get();
        } catch (RunLock.Busy busy) {
            return new Result(USAGE, busy.getMessage(), null, List.of(), null, true);
        } finally {
            RunLogContext.leave();
        }
    }

    private Result start(NightlyRun run) {
        days.recordAttempt(run.businessDate(), run.attempt());
        try {
            return finished(jobOperator.start(job, withFingerprints(run)));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the run of " + run.businessDate() + ": "
                    + e.getMessage(), e);
        }
    }

    private Result restartExecution(JobExecution last) {
        try {
            return finished(jobOperator.restart(recoverIfInterrupted(last)));
        } catch (Exception e) {
            throw new IllegalStateException("could not restart: " + e.getMessage(), e);
        }
    }

    /** A failed attempt that will not be continued: a new attempt replaces it, and its staging folder goes. */
    private void abandon(JobExecution execution) {
        try {
            jobOperator.abandon(recoverIfInterrupted(execution));
        } catch (Exception e) {
            throw new IllegalStateException("could not abandon the earlier attempt: " + e.getMessage(), e);
        }
        Path staging = Staging.of(execution);
        if (Files.isDirectory(staging)) {
            try (Stream<Path> files = Files.walk(staging)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                log.warn("could not remove the abandoned staging folder {}: {}", staging, e.getMessage());
            }
        }
    }

    /**
     * A run killed mid-way is left STARTED in the job repository; mark it FAILED so it can restart. So are
     * the partitions of a remote worker that died while its manager gave up waiting (the job FAILED).
     */
    private JobExecution recoverIfInterrupted(JobExecution execution) {
        boolean interrupted = execution.isRunning()
                || execution.getStepExecutions().stream().anyMatch(step -> step.getStatus().isRunning());
        return interrupted ? jobOperator.recover(execution) : execution;
    }

    private Result finished(JobExecution execution) {
        NightlyRun run = NightlyRun.of(execution.getJobParameters());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            List<StepTiming> steps = execution.getStepExecutions().stream()
                    .filter(step -> step.getStartTime() != null && step.getEndTime() != null)
                    .map(step -> new StepTiming(step.getStepName(),
                            java.time.Duration.between(step.getStartTime(), step.getEndTime()), step.getReadCount()))
                    .toList();
            RunSummary summary = RunSummary.of(jdbc, run.businessDate());
            writeMetrics(execution, run, summary, steps);
            java.time.Duration duration = execution.getStartTime() == null || execution.getEndTime() == null ? null
                    : java.time.Duration.between(execution.getStartTime(), execution.getEndTime());
            return new Result(OK, run.businessDate() + " completed" + laterDatesWarning(run.businessDate()),
                    summary, steps, duration, false);
        }
        List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
        Optional<String> inputProblem = InputProblems.first(execution, jobRepository);
        if (inputProblem.isPresent()) {
            return Result.refused(INPUT_REJECTED, run.businessDate() + " stopped before writing anything: "
                    + inputProblem.get());
        }
        String reason = failures.isEmpty() ? execution.getExitStatus().getExitDescription()
                : Failures.rootMessage(failures.get(0));
        return Result.refused(JOB_FAILED, run.businessDate() + " failed (" + execution.getStatus() + "): " + reason
                + "\nfix the cause, then: recon restart --date " + run.businessDate());
    }

    /** run.json beside the bundle; a failure to write it is reported but does not undo the run. */
    private void writeMetrics(JobExecution execution, NightlyRun run, RunSummary summary, List<StepTiming> steps) {
        if (summary.bundlePath() == null) {
            return;
        }
        try {
            new RunMetrics(run.businessDate().toString(), run.attempt(), execution.getStatus().name(),
                    summary.bundlePath(), String.valueOf(execution.getStartTime()),
                    String.valueOf(execution.getEndTime()),
                    execution.getStartTime() == null || execution.getEndTime() == null ? 0
                            : java.time.Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis()
                            / 1000.0,
                    summary.files(), summary.outcomes(), summary.exceptions(), summary.escalations(),
                    summary.newEscalations(), summary.receipts(),
                    steps.stream().map(s -> new RunMetrics.Step(s.step(), s.duration().toMillis() / 1000.0, s.read()))
                            .toList())
                    .writeBeside(Path.of(summary.bundlePath()));
        } catch (IOException | RuntimeException e) {
            log.warn("run.json not written for {}: {}", run.businessDate(), e.getMessage());
        }
    }

    /**
     * After the end-of-run sending: how many notifications are still pending or failed, into the run's run.json
     * (a failure to write it is reported but changes nothing else).
     */
    public static void noteNotifications(Result result, long pending, long failed) {
        if (result.summary() == null || result.summary().bundlePath() == null) {
            return;
        }
        try {
            RunMetrics.noteNotifications(Path.of(result.summary().bundlePath()), pending, failed);
        } catch (IOException | RuntimeException e) {
            log.warn("run.json not updated with the notifications: {}", e.getMessage());
        }
    }

    /** A date that arrived late: later dates ran without its data and need a rerun to include it. */
    private String laterDatesWarning(LocalDate date) {
        List<LocalDate> later = days.completedAfter(date);
        if (later.isEmpty()) {
            return "";
        }
        return "\nwarning: later dates completed without this date's data (" + later.get(0)
                + (later.size() > 1 ? " .. " + later.get(later.size() - 1) : "")
                + "); rerun them in order to include it: recon rerun --date " + later.get(0);
    }

    private org.springframework.batch.core.job.parameters.JobParameters withFingerprints(NightlyRun run) {
        var builder = new org.springframework.batch.core.job.parameters.JobParametersBuilder(run.toJobParameters());
        for (InputFile file : InputFile.values()) {
            builder.addString(NightlyRun.fingerprintKey(file), sha256(run.inputPath(file)), false);
        }
        return builder.toJobParameters();
    }

    /** SHA-256 of the file's bytes, or "missing"; a file that is not regular is never read (InputFileException). */
    static String sha256(Path path) {
        return Files.exists(InboxPaths.requireRegularFile(path)) ? BagIt.sha256(path) : "missing";
    }

    /** What the planner knows: the store's calendar, the job repository, the inbox's folders and files. */
    private final class StoreFacts implements RunPlanner.Facts {

        @Override
        public Optional<BusinessDays.Day> day(LocalDate date) {
            return days.day(date);
        }

        @Override
        public Optional<LocalDate> firstDate() {
            return days.first();
        }

        @Override
        public boolean inboxExists(Path inbox) {
            return Files.isDirectory(inbox);
        }

        @Override
        public List<LocalDate> inboxDates(Path inbox) {
            return NightlyService.inboxDates(inbox);
        }

        /** Before an input is hashed or read: a device would be read forever, a named pipe blocks. */
        @Override
        public Optional<String> notRegularFile(LocalDate date, Path inbox) {
            for (InputFile file : InputFile.values()) {
                try {
                    InboxPaths.requireRegularFile(inbox.resolve(date.toString()).resolve(file.fileName()));
                } catch (InputFileException e) {
                    return Optional.of(date + "/" + e.getMessage());
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<String> inputProblem(LocalDate date, Path inbox, boolean allowMissing) {
            Optional<String> notRegular = notRegularFile(date, inbox);
            if (notRegular.isPresent()) {
                return notRegular;
            }
            for (InputFile file : InputFile.values()) {
                Path path = inbox.resolve(date.toString()).resolve(file.fileName());
                if (!Files.exists(path)) {
                    if (allowMissing) {
                        continue;
                    }
                    return Optional.of(path + " is missing (use --allow-missing to treat a missing file as empty)");
                }
                try (CsvRecordReader records = new CsvRecordReader(path)) {
                    CsvHeader.of(file, records.next());
                } catch (InputFileException e) {
                    return Optional.of(path.getParent().getFileName() + "/" + e.getMessage());
                } catch (IOException e) {
                    return Optional.of(path + " cannot be read: " + e.getMessage());
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<String> foreignBundle(NightlyRun run) {
            return OwnBundles.refusal(jobRepository, days, run.archive(), run.businessDate());
        }

        @Override
        public Optional<RunPlanner.Attempt> attempt(LocalDate date, long attempt) {
            JobInstance instance = jobRepository.getJobInstance(NightlyRun.JOB_NAME,
                    new NightlyRun(date, attempt, Path.of("."), Path.of("."), false).toJobParameters());
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            if (last == null) {
                return Optional.empty();
            }
            RunPlanner.Attempt.State state = switch (last.getStatus()) {
                case COMPLETED -> RunPlanner.Attempt.State.COMPLETED;
                case ABANDONED -> RunPlanner.Attempt.State.ABANDONED;
                default -> RunPlanner.Attempt.State.UNFINISHED;
            };
            return Optional.of(new RunPlanner.Attempt(last.getId(), state, NightlyRun.of(last.getJobParameters())));
        }

        @Override
        public boolean sameInputs(RunPlanner.Attempt attempt, NightlyRun run) {
            var recordedWith = jobRepository.getJobExecution(attempt.executionId()).getJobParameters();
            for (InputFile file : InputFile.values()) {
                String recorded = recordedWith.getString(NightlyRun.fingerprintKey(file));
                if (recorded != null && !recorded.equals(sha256(run.inputPath(file)))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A folder named like a date that is not one (2026-11-31) is not a business date. */
    private static Optional<LocalDate> parseDate(String name) {
        try {
            return Optional.of(LocalDate.parse(name));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static List<LocalDate> inboxDates(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(inbox)) {
            return folders.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .filter(name -> DATE_FOLDER.matcher(name).matches())
                    .flatMap(name -> parseDate(name).stream())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
