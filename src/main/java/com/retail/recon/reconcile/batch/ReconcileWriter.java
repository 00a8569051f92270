package com.retail.recon.reconcile.batch;

import com.retail.recon.reconcile.CancellationRules;
import com.retail.recon.reconcile.FinanceException;
import com.retail.recon.reconcile.ReportedRequest;
import com.retail.recon.system.Database;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes the reported requests of a chunk of orders, their refunds and their exceptions. */
record ReconcileWriter(ResultStore store, Database database, LocalDate businessDate, CancellationRules rules)
        implements ItemWriter<List<ReportedRequest>> {

    @Override
    public void write(Chunk<? extends List<ReportedRequest>> chunk) {
        List<ReportedRequest> requests = new ArrayList<>();
        List<ResultStore.RefundRow> refunds = new ArrayList<>();
        List<FinanceException> exceptions = new ArrayList<>();
        List<ResultStore.ReceiptLine> receiptLines = new ArrayList<>();
        for (List<ReportedRequest> order : chunk) {
            for (ReportedRequest reported : order) {
                requests.add(reported);
                String requestId = reported.today().request().requestId();
                reported.today().refunds().forEach(refund -> refunds.add(new ResultStore.RefundRow(refund, requestId)));
                exceptions.addAll(reported.exceptions(rules.currencies()));
                if (reported.becameRefunded()) {
                    reported.today().lines().forEach(line ->
                            receiptLines.add(new ResultStore.ReceiptLine(requestId, line, rules.fee(line))));
                }
            }
        }
        // the chunk's results and its checkpoint commit together: a crash loses both, and the restart computes
        // those orders again
        database.commitWithoutWaitingForDisk();
        store.insertRequests(businessDate, requests);
        store.insertRefunds(businessDate, refunds);
        store.insertExceptions(businessDate, exceptions);
        store.insertReceiptLines(businessDate, receiptLines);
    }
}
