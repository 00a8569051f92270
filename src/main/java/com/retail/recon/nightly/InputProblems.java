package com.retail.recon.nightly;

import com.retail.recon.ingest.InputFileException;
import com.retail.recon.ingest.InputRejectedException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partition that ran in a worker process reaches the manager only through the job repository, where an
 * exception survives as the text of the step's exit description. This finds the input problems (exit code 3)
 * among them, the first line of the file first.
 */
final class InputProblems {

    private static final Pattern LINE = Pattern.compile(" line (\\d+): ");

    private InputProblems() {
    }

    static Optional<String> reportedByRemotePartitions(JobExecution execution) {
        if (execution == null) {
            return Optional.empty();
        }
        return execution.getStepExecutions().stream()
                .map(StepExecution::getExitStatus)
                .map(status -> messageOf(status.getExitDescription()))
                .flatMap(Optional::stream)
                .min(Comparator.comparingLong(InputProblems::lineOf));
    }

    private static Optional<String> messageOf(String description) {
        if (description == null) {
            return Optional.empty();
        }
        for (Class<?> type : new Class<?>[]{InputFileException.class, InputRejectedException.class}) {
            String prefix = type.getName() + ": ";
            int at = description.indexOf(prefix);
            if (at >= 0) {
                String rest = description.substring(at + prefix.length());
                int end = rest.indexOf('\n');
                return Optional.of((end < 0 ? rest : rest.substring(0, end)).strip());
            }
        }
        return Optional.empty();
    }

    private static long lineOf(String message) {
        Matcher matcher = LINE.matcher(message);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
