package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;

import java.util.List;

/**
 * Every stored version, up to the business date, of what one order's cancellations depend on: the order's
 * lines, its requests, and the refunds that may pay them (those naming one of its requests, and those
 * naming none on this order), with all versions of each such refund.
 */
public record OrderHistory(
        String orderId,
        List<OrderLine> lineVersions,
        List<CancellationRequest> requestVersions,
        List<RefundTxn> refundVersions) {
}
