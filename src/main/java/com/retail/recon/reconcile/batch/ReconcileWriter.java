package com.retail.recon.reconcile.batch;

import com.retail.recon.reconcile.CancellationRules;
import com.retail.recon.reconcile.FinanceException;
import com.retail.recon.reconcile.ReportedRequest;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes the reported requests of a chunk of orders, their refunds and their exceptions. */
public class ReconcileWriter implements ItemWriter<List<ReportedRequest>> {

    private final ResultStore store;
    private final LocalDate businessDate;
    private final CancellationRules rules;

    public ReconcileWriter(ResultStore store, LocalDate businessDate, CancellationRules rules) {
        this.store = store;
        this.businessDate = businessDate;
        this.rules = rules;
    }

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
        store.commitWithoutWaitingForDisk();
        store.insertRequests(businessDate, requests);
        store.insertRefunds(businessDate, refunds);
        store.insertExceptions(businessDate, exceptions);
        store.insertReceiptLines(businessDate, receiptLines);
    }
}
