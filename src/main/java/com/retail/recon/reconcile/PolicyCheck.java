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

    /** Checks 1 to 4, in the order they are tried. */
    private static final PolicyCheck[] STEPS = {NOT_CANCELLABLE_CATEGORY, SHIPPED_BEFORE_REQUEST, WINDOW_EXPIRED,
            SHIPPED_AFTER_CONFIRMATION};

    /** @param lines the request's lines (never empty: an order that is not found has no policy check) */
    public static PolicyCheck of(CancellationRequest request, List<OrderLine> lines, Policy policy) {
        for (PolicyCheck step : STEPS) {
            if (firstLineMeeting(step, request, lines, policy) != null) {
                return step;
            }
        }
        return OK;
    }

    /**
     * The first of the lines that meets this check's condition, or null when none does (always for OK, which
     * is what remains): a line of a category that is not cancellable; shipped at or before requested_at;
     * requested longer after placed_at than its category's window; shipped after decided_at of a CONFIRMED
     * request.
     */
    public static OrderLine firstLineMeeting(PolicyCheck check, CancellationRequest request, List<OrderLine> lines,
                                             Policy policy) {
        if (check == SHIPPED_AFTER_CONFIRMATION && request.status() != RequestStatus.CONFIRMED) {
            return null;
        }
        for (OrderLine line : lines) {
            boolean meets = switch (check) {
                case NOT_CANCELLABLE_CATEGORY -> !policy.category(line.category()).cancellable();
                case SHIPPED_BEFORE_REQUEST -> line.shippedAt() != null
                        && !line.shippedAt().isAfter(request.requestedAt());
                case WINDOW_EXPIRED -> outsideWindow(request, line, policy);
                case SHIPPED_AFTER_CONFIRMATION -> line.shippedAt() != null
                        && line.shippedAt().isAfter(request.decidedAt());
                case OK -> false;
            };
            if (meets) {
                return line;
            }
        }
        return null;
    }

    private static boolean outsideWindow(CancellationRequest request, OrderLine line, Policy policy) {
        Duration window = policy.category(line.category()).window();
        return window != null && Duration.between(line.placedAt(), request.requestedAt()).compareTo(window) > 0;
    }
}
