package com.retail.recon.generate;

import java.util.SplittableRandom;

/**
 * The story of one generated order: no cancellation (FILLER), a refund without a request it can be
 * assigned to (ORPHAN_*), or a cancellation request with the decision, refunds and timing that give a
 * chosen outcome and policy check at the cutoff of the day. The weights are relative shares among
 * requests (they add up to about 1000); most requests are confirmed and refunded in full.
 */
enum Scenario {
    // confirmed and refunded in full (outcome REFUNDED)
    REFUNDED(520),
    REFUNDED_SPLIT(80),
    REFUNDED_UNNAMED(40),
    REFUNDED_CENT_SHORT(10),
    CONFIRMED_DIGITAL(3),
    CONFIRMED_SHIPPED(3),
    CONFIRMED_WINDOW(3),
    SHIPPED_AFTER_CONFIRMATION(8),
    // awaiting the storefront's decision
    PENDING_DECISION(55),
    STUCK_AWAITING_DECISION(15),
    REQUESTED_WITH_MONEY(3),
    // rejected by the storefront
    REJECTED(18),
    REJECTED_DIGITAL(10),
    REJECTED_SHIPPED(14),
    REJECTED_WINDOW(8),
    REJECTED_WITH_MONEY(5),
    // confirmed, the money not (yet) back in full
    REFUND_PENDING(60),
    STUCK_REFUND_PENDING(10),
    AWAITING_REFUND(45),
    STUCK_NO_REFUND(10),
    UNDER_REFUNDED(8),
    OVER_REFUNDED(8),
    REFUND_FAILED(8),
    CURRENCY_MISMATCH(4),
    // data problems
    ORDER_NOT_FOUND(3),
    LINE_NOT_FOUND(3),
    AMBIGUOUS(5),
    // refunds no request can be assigned (on orders without a request)
    ORPHAN_NO_REQUEST(0),
    ORPHAN_UNKNOWN_REQUEST(0),
    ORPHAN_LATE_REQUEST(0),
    FILLER(0);

    private static final Scenario[] REQUESTS;
    private static final int[] REQUEST_CUMULATIVE;
    private static final Scenario[] ORPHANS = {ORPHAN_NO_REQUEST, ORPHAN_UNKNOWN_REQUEST, ORPHAN_LATE_REQUEST};

    static {
        int count = 0;
        for (Scenario s : values()) {
            if (s.weight > 0) {
                count++;
            }
        }
        REQUESTS = new Scenario[count];
        int[] weights = new int[count];
        int i = 0;
        for (Scenario s : values()) {
            if (s.weight > 0) {
                REQUESTS[i] = s;
                weights[i++] = s.weight;
            }
        }
        REQUEST_CUMULATIVE = Catalog.cumulative(weights);
    }

    private final int weight;

    Scenario(int weight) {
        this.weight = weight;
    }

    static Scenario request(SplittableRandom rnd) {
        int u = rnd.nextInt(REQUEST_CUMULATIVE[REQUEST_CUMULATIVE.length - 1]);
        for (int i = 0; ; i++) {
            if (u < REQUEST_CUMULATIVE[i]) {
                return REQUESTS[i];
            }
        }
    }

    static Scenario orphan(SplittableRandom rnd) {
        return ORPHANS[rnd.nextInt(ORPHANS.length)];
    }

    /** Every scenario but FILLER once, in an order shuffled by rnd: each day's guaranteed coverage. */
    static Scenario[] coverage(SplittableRandom rnd) {
        Scenario[] all = new Scenario[values().length - 1];
        System.arraycopy(values(), 0, all, 0, all.length);
        for (int i = all.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Scenario swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        return all;
    }
}
