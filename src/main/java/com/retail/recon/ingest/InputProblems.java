package com.retail.recon.ingest;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Input problems (exit code 3) found by partitions. A partition that ran in a worker process reaches the
 * manager only through the job repository, where its exception survives as a stack trace cut to 2,500
 * characters (the cause is usually cut off). So each ingest partition that fails on an input problem saves
 * the problem's message in its own execution context, and the manager reads it from there: the first line
 * of the file first, as one reader of the whole file would have reported it.
 */
public final class InputProblems implements StepExecutionListener {

    private static final String KEY = "input.problem";
    private static final String LINE_KEY = "input.problem.line";

    /** A problem and the line it is on (0: the whole file, e.g. rejects over the threshold). */
    private record Problem(String message, long line) {
    }

    /** The input problem behind a failure, if it is one. */
    private static Throwable rootInputProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InputFileException || t instanceof InputRejectedException) {
                return t;
            }
        }
        return null;
    }

    private static Problem problemOf(Throwable failure) {
        Throwable problem = rootInputProblem(failure);
        if (problem == null) {
            return null;
        }
        return new Problem(problem.getMessage(), problem instanceof InputFileException e ? e.line() : 0);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        stepExecution.getFailureExceptions().stream().map(InputProblems::problemOf).filter(Objects::nonNull)
                .findFirst()
                .ifPresent(problem -> {
                    stepExecution.getExecutionContext().putString(KEY, problem.message());
                    stepExecution.getExecutionContext().putLong(LINE_KEY, problem.line());
                });
        return null;
    }

    /**
     * The input problem that stopped the run, if one did: from this process's failures (a tasklet, or
     * partitions on local threads) and from what partitions saved in the repository (remote workers). When
     * partitions of a file fail each for itself, the problem on the file's first line is the one to report.
     */
    public static Optional<String> first(JobExecution execution, JobRepository repository) {
        Stream<Problem> here = execution.getAllFailureExceptions().stream().map(InputProblems::problemOf)
                .filter(Objects::nonNull);
        JobExecution stored = repository.getJobExecution(execution.getId());
        Stream<Problem> saved = stored == null ? Stream.empty() : stored.getStepExecutions().stream()
                .map(step -> repository.getStepExecution(step.getId()))
                .filter(step -> step != null && step.getExecutionContext().containsKey(KEY))
                .map(step -> new Problem(step.getExecutionContext().getString(KEY),
                        step.getExecutionContext().getLong(LINE_KEY, 0L)));
        return Stream.concat(here, saved).min(Comparator.comparingLong(Problem::line)).map(Problem::message);
    }
}
