package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RequestStatus;

import java.time.Duration;
import java.util.List;

/** The spec's policy_check: the first of these that applies, in this order. */
public enum PolicyCheck {
    NOT_CANCELLABLE_CATEGORY,
    SHIPPED_BEFORE_REQUEST,
    WINDOW_EXPIRED,
    SHIPPED_AFTER_CONFIRMATION,
    OK;

    /** Checks 1 to 3: a CONFIRMED request with one of these was confirmed against policy. */
    public boolean isAgainstPolicy() {
        return this == NOT_CANCELLABLE_CATEGORY || this == SHIPPED_BEFORE_REQUEST || this == WINDOW_EXPIRED;
    }

    /** @param lines the request's lines (never empty: an order that is not found has no policy check) */
    public static PolicyCheck of(CancellationRequest request, List<OrderLine> lines, Policy policy) {
        for (OrderLine line : lines) {
            if (!policy.category(line.category()).cancellable()) {
                return NOT_CANCELLABLE_CATEGORY;
            }
        }
        for (OrderLine line : lines) {
            if (line.shippedAt() != null && !line.shippedAt().isAfter(request.requestedAt())) {
                return SHIPPED_BEFORE_REQUEST;
            }
        }
        for (OrderLine line : lines) {
            if (outsideWindow(request, line, policy)) {
                return WINDOW_EXPIRED;
            }
        }
        if (request.status() == RequestStatus.CONFIRMED) {
            for (OrderLine line : lines) {
                if (line.shippedAt() != null && line.shippedAt().isAfter(request.decidedAt())) {
                    return SHIPPED_AFTER_CONFIRMATION;
                }
            }
        }
        return OK;
    }

    private static boolean outsideWindow(CancellationRequest request, OrderLine line, Policy policy) {
        Duration window = policy.category(line.category()).window();
        return window != null && Duration.between(line.placedAt(), request.requestedAt()).compareTo(window) > 0;
    }
}
