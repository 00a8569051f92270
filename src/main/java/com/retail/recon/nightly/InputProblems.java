package com.retail.recon.nightly;

import com.retail.recon.ingest.InputFileException;
import com.retail.recon.ingest.InputRejectedException;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Input problems (exit code 3) found by partitions. A partition that ran in a worker process reaches the
 * manager only through the job repository, where its exception survives as a stack trace cut to 2,500
 * characters (the cause is usually cut off). So each ingest partition that fails on an input problem saves
 * the problem's message in its own execution context, and the manager reads it from there: the first line
 * of the file first, as one reader of the whole file would have reported it.
 */
final class InputProblems implements StepExecutionListener {

    private static final String KEY = "input.problem";
    private static final Pattern LINE = Pattern.compile(" line (\\d+): ");

    /** The input problem behind a failure, if it is one. */
    static Throwable rootInputProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InputFileException || t instanceof InputRejectedException) {
                return t;
            }
        }
        return null;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        stepExecution.getFailureExceptions().stream().map(InputProblems::rootInputProblem).filter(Objects::nonNull)
                .findFirst()
                .ifPresent(problem -> stepExecution.getExecutionContext().putString(KEY, problem.getMessage()));
        return null;
    }

    /** The first input problem that a partition of the job execution saved, reading the repository afresh. */
    static Optional<String> reportedByPartitions(JobRepository repository, long jobExecutionId) {
        JobExecution execution = repository.getJobExecution(jobExecutionId);
        if (execution == null) {
            return Optional.empty();
        }
        return execution.getStepExecutions().stream()
                .map(step -> repository.getStepExecution(step.getId()))
                .filter(Objects::nonNull)
                .map(step -> step.getExecutionContext().containsKey(KEY)
                        ? step.getExecutionContext().getString(KEY) : null)
                .filter(Objects::nonNull)
                .min(Comparator.comparingLong(InputProblems::lineOf));
    }

    private static long lineOf(String message) {
        Matcher matcher = LINE.matcher(message);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
