package com.retail.recon.batch;

import com.retail.recon.domain.InputFile;
import com.retail.recon.ledger.Ledger;

import java.util.Locale;

/**
 * Every step name of the nightly job, in one place: they are the job repository's keys (a restart finds its
 * steps by them), what {@code --timings} and the progress lines print, and what the crash tests aim at.
 * A partitioned step {@code reconcile} runs its worker step {@code reconcile-partition} once per partition;
 * Spring Batch names those executions {@code reconcile-partition:partition0}, {@code ...:partition1}, ...
 */
public final class StepNames {

    public static final String SETTLE_INGEST = "settle-ingest";
    public static final String SELECT_CANDIDATES = "select-candidates";
    public static final String RECONCILE = "reconcile";
    public static final String UNASSIGNED_REFUNDS = "unassigned-refunds";
    public static final String REFRESH_STATISTICS = "refresh-statistics";
    public static final String CASES = "cases";
    public static final String RECEIPTS = "receipts";
    public static final String REPORT = "report";
    public static final String PUBLISH_BUNDLE = "publish-bundle";

    private StepNames() {
    }

    /** {@code ingest-orders}: the file's records into the store. */
    public static String ingest(InputFile file) {
        return "ingest-" + file.name().toLowerCase(Locale.ROOT);
    }

    /** {@code ledger-cancellations}: one ledger into the staging bundle. */
    public static String ledger(Ledger ledger) {
        return "ledger-" + ledger.name().toLowerCase(Locale.ROOT);
    }

    /** The worker step a partitioned step runs once per partition. */
    public static String worker(String partitionedStep) {
        return partitionedStep + "-partition";
    }

    /** The execution of partition {@code index} of a partitioned step, as Spring Batch names it. */
    public static String partition(String partitionedStep, int index) {
        return worker(partitionedStep) + ":" + Partitions.name(index);
    }

    /** Whether a step execution is {@code step} itself or one of its partitions. */
    public static boolean isStepOrPartitionOf(String stepExecutionName, String step) {
        return stepExecutionName.equals(step) || stepExecutionName.startsWith(worker(step) + ":");
    }
}
