package com.retail.recon.ingest;

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

    /**
     * The input problem that stopped the run, if one did: from this process's failures (a tasklet, or
     * partitions on local threads) and from what partitions saved in the repository (remote workers). When
     * partitions of a file fail each for itself, the problem on the file's first line is the one to report.
     */
    public static Optional<String> first(JobExecution execution, JobRepository repository) {
        Stream<String> here = execution.getAllFailureExceptions().stream().map(InputProblems::rootInputProblem)
                .filter(Objects::nonNull).map(Throwable::getMessage);
        JobExecution stored = repository.getJobExecution(execution.getId());
        Stream<String> saved = stored == null ? Stream.empty() : stored.getStepExecutions().stream()
                .map(step -> repository.getStepExecution(step.getId()))
                .filter(step -> step != null && step.getExecutionContext().containsKey(KEY))
                .map(step -> step.getExecutionContext().getString(KEY));
        return Stream.concat(here, saved).min(Comparator.comparingLong(InputProblems::lineOf));
    }

    private static long lineOf(String message) {
        Matcher matcher = LINE.matcher(message);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
