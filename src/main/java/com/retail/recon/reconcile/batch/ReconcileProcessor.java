package com.retail.recon.reconcile.batch;

import com.retail.recon.reconcile.OrderHistory;
import com.retail.recon.reconcile.OrderReconciler;
import com.retail.recon.reconcile.ReportedRequest;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.LocalDate;
import java.util.List;

/** The reconcile step's processor: one call into the rules per order; orders with nothing to report drop out. */
record ReconcileProcessor(OrderReconciler reconciler, LocalDate businessDate)
        implements ItemProcessor<OrderHistory, List<ReportedRequest>> {

    @Override
    public List<ReportedRequest> process(OrderHistory history) {
        List<ReportedRequest> reported = reconciler.reconcile(history, businessDate);
        return reported.isEmpty() ? null : reported;
    }
}
