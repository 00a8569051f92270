package com.retail.recon.generate;

import com.retail.recon.domain.FulfillmentStatus;
import com.retail.recon.domain.RefundMethod;
import com.retail.recon.domain.RefundStatus;
import com.retail.recon.domain.RequestStatus;
import com.retail.recon.ingest.RejectReason;
import com.retail.recon.reconcile.Policy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import static com.retail.recon.domain.RefundMethod.ACCOUNT_CREDIT;
import static com.retail.recon.domain.RefundMethod.ORIGINAL_PAYMENT;
import static com.retail.recon.ingest.RejectReason.BAD_INSTANT;
import static com.retail.recon.ingest.RejectReason.BAD_NUMBER;
import static com.retail.recon.ingest.RejectReason.DUPLICATE_KEY;
import static com.retail.recon.ingest.RejectReason.MISSING_VALUE;
import static com.retail.recon.ingest.RejectReason.MISSING_WHEN_REQUIRED;
import static com.retail.recon.ingest.RejectReason.MIXED_ORDER;
import static com.retail.recon.ingest.RejectReason.OUT_OF_RANGE;
import static com.retail.recon.ingest.RejectReason.TOO_FEW_FIELDS;
import static com.retail.recon.ingest.RejectReason.TOO_MANY_DECIMALS;
import static com.retail.recon.ingest.RejectReason.UNKNOWN_CURRENCY;
import static com.retail.recon.ingest.RejectReason.UNKNOWN_VALUE;

/**
 * Generates one business date D, one order at a time: each order's story ({@link Scenario}) is decided,
 * its rows are written, and nothing about it is kept. Instants are chosen relative to the cutoff of D
 * (D+1 00:00 UTC) so that each story gives its outcome when recon runs D with the default policy.
 * Rows of D's files may carry earlier instants (a request exported late, an order line changed today).
 * <p>
 * Some stories continue on D+1: their follow-up rows (a decision, a settlement, a shipment, a late
 * export) are written straight into D+1's files while D is generated, and D+1 then adds its own rows.
 * <p>
 * Each day first plays every scenario once (the day's coverage; those rows never get a defect), spread
 * over the first orders, then draws scenarios by their shares.
 */
final class DayGenerator {

    private static final long MINUTE = 60;
    private static final long HOUR = 3600;
    private static final long DAY = 86_400;
    private static final long NONE = Long.MIN_VALUE;

    /** Orders with a refund no request can be assigned, per mille (requests: the settings' share). */
    private static final int ORPHAN_PER_MILLE = 3;
    /** Requests on a multi-line order that cancel one line rather than the whole order. */
    private static final int LINE_LEVEL_PERCENT = 20;
    /** Orders without a request whose unshipped lines ship the next day. */
    private static final int SHIPPED_NEXT_DAY_PERCENT = 6;
    /** Lines per order: 1 to 6 with these shares (2.53 on average). */
    private static final int[] LINES_CUMULATIVE = Catalog.cumulative(new int[]{30, 25, 20, 15, 7, 3});
    private static final int MAX_LINES = 6;
    private static final int SKU_CODES = 26 * 26 * 26 * 10_000;

    private static final Policy POLICY = Policy.defaults();
    private static final long DECISION_SLA = POLICY.decisionSla().toSeconds();
    private static final long REFUND_START_SLA = POLICY.refundStartSla().toSeconds();
    private static final long SLA_ORIGINAL = POLICY.settlementSla(RefundMethod.ORIGINAL_PAYMENT).toSeconds();
    private static final long SLA_CREDIT = POLICY.settlementSla(RefundMethod.ACCOUNT_CREDIT).toSeconds();
    private static final long GROCERY_WINDOW = POLICY.category(Catalog.CATEGORIES[Catalog.GROCERY]).window()
            .toSeconds();
    private static final long FURNITURE_FEE_PERCENT = POLICY.category(Catalog.CATEGORIES[Catalog.FURNITURE])
            .feePercent().longValueExact();


    private static final RejectReason[] ORDER_DEFECTS = {BAD_NUMBER, BAD_INSTANT, UNKNOWN_VALUE, MISSING_VALUE,
            TOO_MANY_DECIMALS, DUPLICATE_KEY, OUT_OF_RANGE, UNKNOWN_CURRENCY, MISSING_WHEN_REQUIRED, MIXED_ORDER,
            TOO_FEW_FIELDS};
    private static final RejectReason[] CANCELLATION_DEFECTS = {BAD_NUMBER, BAD_INSTANT, UNKNOWN_VALUE,
            MISSING_VALUE, MISSING_WHEN_REQUIRED, DUPLICATE_KEY};
    private static final RejectReason[] REFUND_DEFECTS = {BAD_NUMBER, BAD_INSTANT, UNKNOWN_VALUE, MISSING_VALUE,
            TOO_MANY_DECIMALS, OUT_OF_RANGE, UNKNOWN_CURRENCY, MISSING_WHEN_REQUIRED, DUPLICATE_KEY};

    /** The order being generated (reused). Amounts are in the currency's minor units. */
    private static final class Order {
        String id;
        long customer;
        long placedAt;
        int currency;
        int payment;
        int lines;
        final int[] category = new int[MAX_LINES];
        final int[] sku = new int[MAX_LINES];
        final int[] quantity = new int[MAX_LINES];
        final long[] unitPrice = new long[MAX_LINES];
        final long[] tax = new long[MAX_LINES];
        final FulfillmentStatus[] status = new FulfillmentStatus[MAX_LINES];
        final long[] shippedAt = new long[MAX_LINES];
        final boolean[] requested = new boolean[MAX_LINES];
    }

    /** The cancellation request being generated (reused). lineNo 0: the whole order. */
    private static final class Request {
        String id;
        long seq;
        String orderId;
        int lineNo;
        long customer;
        long requestedAt;
        int channel;
        String reason;
        RequestStatus status;
        String confirmation;
        long decidedAt;
        int offset;
    }

    /** The refund transaction being generated (reused). requestId null: empty. */
    private static final class Refund {
        String txnId;
        String orderId;
        String requestId;
        RefundMethod method;
        long amount;
        int currency;
        RefundStatus status;
        long createdAt;
        long settledAt;
        int offset;
    }

    private final SplittableRandom rnd;
    /** Orders with a cancellation request, per mille. */
    private final int requestPerMille;
    private final long epochDay;
    private final String yyyymmdd;
    private final long dayStart;
    private final long cutoff;
    private final DayFiles today;
    private final DayFiles tomorrow;
    private final long orderLinesPerDay;
    private final long ownOrderRows;
    private final DefectPlanner orderDefects;
    private final DefectPlanner cancellationDefects;
    private final DefectPlanner refundDefects;
    private final Scenario[] coverage;
    private final Order order = new Order();
    private final Request request = new Request();
    private final Refund refund = new Refund();

    private int covered;
    private boolean protectedRows;
    private long orderSeq;
    private long requestSeq;
    private long txnSeq;
    private long orderRowsWritten;
    private long tomorrowOrderRows;

    /**
     * @param today             D's files (they may already hold the follow-ups of D−1)
     * @param tomorrow          D+1's files, or discarding files when D is the last day
     * @param followUpOrderRows orders.csv rows of D already written as D−1's follow-ups
     */
    DayGenerator(GeneratorSettings settings, LocalDate date, DayFiles today, DayFiles tomorrow,
                 long followUpOrderRows) {
        this.epochDay = date.toEpochDay();
        this.rnd = new SplittableRandom(Ids.mix64(settings.seed() ^ Ids.mix64(epochDay)));
        this.yyyymmdd = date.toString().replace("-", "");
        this.dayStart = date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        this.cutoff = dayStart + DAY;
        this.today = today;
        this.tomorrow = tomorrow;
        this.orderLinesPerDay = settings.orderLines();
        this.ownOrderRows = settings.orderLines() - followUpOrderRows;
        this.orderDefects = new DefectPlanner(settings.rejectPercent());
        this.cancellationDefects = new DefectPlanner(settings.rejectPercent());
        this.refundDefects = new DefectPlanner(settings.rejectPercent());
        this.coverage = Scenario.coverage(rnd);
        this.requestPerMille = settings.requestPercent() * 10;
    }

    /** Writes D's own rows (and D+1's follow-ups); returns the orders.csv rows written for D+1. */
    long run() {
        while (orderRowsWritten < ownOrderRows) {
            long remaining = ownOrderRows - orderRowsWritten;
            generate(next(remaining), remaining);
        }
        return tomorrowOrderRows;
    }

    private Scenario next(long remaining) {
        int u = rnd.nextInt(1000);
        int uncovered = coverage.length - covered;
        if (uncovered > 0 && (u < requestPerMille + ORPHAN_PER_MILLE || remaining <= uncovered * 8L)) {
            protectedRows = true;
            return coverage[covered++];
        }
        protectedRows = false;
        if (u < requestPerMille) {
            return Scenario.request(rnd);
        }
        return u < requestPerMille + ORPHAN_PER_MILLE ? Scenario.orphan(rnd) : Scenario.FILLER;
    }

    private void generate(Scenario scenario, long remaining) {
        switch (scenario) {
            case FILLER -> filler(remaining);
            case ORPHAN_NO_REQUEST, ORPHAN_UNKNOWN_REQUEST -> orphanRefund(scenario, remaining);
            case ORPHAN_LATE_REQUEST -> lateRequest(remaining);
            case ORDER_NOT_FOUND -> orderNotFound();
            case LINE_NOT_FOUND -> lineNotFound(remaining);
            case AMBIGUOUS -> {
                if (remaining >= 2) {
                    ambiguous(remaining);
                } else {
                    oneRequest(Scenario.REFUNDED, remaining);
                }
            }
            default -> oneRequest(scenario, remaining);
        }
    }

    // --- stories ---

    /** An order nobody cancels; some of its lines may ship tomorrow. */
    private void filler(long remaining) {
        newOrder(lines(remaining, 1), -1);
        order.placedAt = rnd.nextInt(100) < 80 ? between(dayStart, cutoff - MINUTE)
                : between(dayStart - 5 * DAY, dayStart - 1);
        for (int i = 0; i < order.lines; i++) {
            fillerStatus(i);
        }
        writeOrder();
        if (rnd.nextInt(100) < SHIPPED_NEXT_DAY_PERCENT) {
            shipTomorrow();
        }
    }

    /** One request on the order, whose decision, lines, refunds and timing give the scenario's outcome. */
    private void oneRequest(Scenario s, long remaining) {
        boolean jpyFurniture = protectedRows && s == Scenario.REFUNDED;
        newOrder(lines(remaining, 1), jpyFurniture ? Catalog.JPY : -1);
        int lineNo = jpyFurniture ? 0 : lineLevel();
        markRequested(lineNo);
        requestedCancellable(true);
        int target = firstRequested();
        boolean digital = s == Scenario.CONFIRMED_DIGITAL || s == Scenario.REJECTED_DIGITAL;
        boolean shippedBefore = s == Scenario.CONFIRMED_SHIPPED || s == Scenario.REJECTED_SHIPPED;
        boolean windowExpired = s == Scenario.CONFIRMED_WINDOW || s == Scenario.REJECTED_WINDOW;
        if (jpyFurniture) {
            setCategory(target, Catalog.FURNITURE);
        } else if (digital) {
            setCategory(target, Catalog.DIGITAL);
        } else if (windowExpired) {
            setCategory(target, Catalog.GROCERY);
        }
        Request r = newRequest(lineNo);
        RequestStatus status = switch (s) {
            case PENDING_DECISION, STUCK_AWAITING_DECISION, REQUESTED_WITH_MONEY -> RequestStatus.REQUESTED;
            case REJECTED, REJECTED_DIGITAL, REJECTED_SHIPPED, REJECTED_WINDOW, REJECTED_WITH_MONEY -> RequestStatus.REJECTED;
            default -> RequestStatus.CONFIRMED;
        };

        // when things happened, chosen back from the cutoff so that the outcome comes out as intended
        RefundMethod method = refundMethod();
        long stuckCreated = NONE;
        long decided = NONE;
        long requested;
        switch (s) {
            case PENDING_DECISION -> requested = cutoff - (rnd.nextInt(100) == 0 ? DECISION_SLA
                    : between(MINUTE, DECISION_SLA - MINUTE));
            case REQUESTED_WITH_MONEY -> requested = cutoff - between(2 * HOUR, 20 * HOUR);
            case STUCK_AWAITING_DECISION -> requested = cutoff - (rnd.nextInt(100) == 0 ? DECISION_SLA + 1
                    : between(DECISION_SLA + MINUTE, DECISION_SLA + 40 * HOUR));
            default -> {
                switch (s) {
                    case REFUND_PENDING -> decided = between(dayStart, cutoff - 2 * HOUR);
                    case AWAITING_REFUND, SHIPPED_AFTER_CONFIRMATION ->
                            decided = cutoff - between(2 * HOUR, REFUND_START_SLA - HOUR);
                    case STUCK_NO_REFUND ->
                            decided = cutoff - between(REFUND_START_SLA + MINUTE, REFUND_START_SLA + 72 * HOUR);
                    case STUCK_REFUND_PENDING -> {
                        method = protectedRows || rnd.nextInt(100) < 60 ? ACCOUNT_CREDIT : ORIGINAL_PAYMENT;
                        long sla = method == ACCOUNT_CREDIT ? SLA_CREDIT : SLA_ORIGINAL;
                        stuckCreated = cutoff - between(sla + MINUTE, sla + 30 * HOUR);
                        decided = stuckCreated - between(MINUTE, 2 * HOUR);
                    }
                    default -> decided = between(dayStart, cutoff - 3 * HOUR);
                }
                requested = requestedBefore(decided, r.channel);
            }
        }
        if (windowExpired) {
            order.placedAt = requested - between(GROCERY_WINDOW + 1, GROCERY_WINDOW + 10 * HOUR);
        } else if (shippedBefore) {
            order.placedAt = requested - between(3 * HOUR, 72 * HOUR);
        } else {
            order.placedAt = placedBefore(requested, requestedGrocery());
        }
        r.requestedAt = requested;
        r.status = status;
        if (status == RequestStatus.CONFIRMED) {
            confirm(r, decided);
            confirmedStatuses();
        } else {
            r.decidedAt = decided;
            openStatuses();
        }
        if (digital) {
            order.status[target] = FulfillmentStatus.DELIVERED;
            order.shippedAt[target] = order.placedAt + between(5, 120);
        } else if (shippedBefore) {
            order.status[target] = rnd.nextBoolean() ? FulfillmentStatus.SHIPPED : FulfillmentStatus.DELIVERED;
            order.shippedAt[target] = between(order.placedAt + HOUR, requested - MINUTE);
        } else if (s == Scenario.SHIPPED_AFTER_CONFIRMATION) {
            order.status[target] = FulfillmentStatus.SHIPPED;
            order.shippedAt[target] = between(decided + MINUTE, cutoff - MINUTE);
        }
        otherStatuses();

        writeOrder();
        writeRequest(r);

        long expected = expected();
        switch (s) {
            case REFUNDED -> {
                if (lineNo == 0 && order.lines >= 2 && rnd.nextInt(100) < 25) {
                    for (int i = 0; i < order.lines; i++) {
                        settledRefund(r.id, method, lineExpected(i), order.currency, decided, true);
                    }
                } else {
                    settledRefund(r.id, method, expected, order.currency, decided, true);
                }
            }
            case REFUNDED_SPLIT -> {
                long part = Math.max(1, Math.min(expected - 1, expected * between(30, 90) / 100));
                settledRefund(r.id, ORIGINAL_PAYMENT, part, order.currency, decided, true);
                settledRefund(r.id, ACCOUNT_CREDIT, expected - part, order.currency, decided, true);
            }
            case REFUNDED_UNNAMED -> settledRefund(null, method, expected, order.currency, decided, true);
            case REFUNDED_CENT_SHORT -> settledRefund(r.id, method,
                    Catalog.CURRENCY_DIGITS[order.currency] == 2 ? expected - 1 : expected, order.currency, decided,
                    true);
            case CONFIRMED_DIGITAL, CONFIRMED_SHIPPED, CONFIRMED_WINDOW, REJECTED_WITH_MONEY ->
                    settledRefund(r.id, method, expected, order.currency, decided, true);
            case SHIPPED_AFTER_CONFIRMATION -> {
                if (rnd.nextBoolean()) {
                    settledRefund(r.id, method, expected, order.currency, decided, true);
                }
            }
            case REQUESTED_WITH_MONEY -> settledRefund(r.id, method, expected, order.currency, requested, true);
            case REFUND_PENDING -> {
                startRefund(r.id, method, expected, order.currency, createdAfter(decided, cutoff));
                writeRefund(true);
            }
            case STUCK_REFUND_PENDING -> {
                startRefund(r.id, method, expected, order.currency, stuckCreated);
                writeRefund(true);
            }
            case UNDER_REFUNDED -> {
                long taxes = requestedTaxes();
                long shortfall = taxes >= 2 ? taxes : Math.max(2, expected / 10);
                settledRefund(r.id, method, expected - shortfall, order.currency, decided, true);
            }
            case OVER_REFUNDED -> {
                settledRefund(r.id, method, expected, order.currency, decided, true);
                settledRefund(r.id, method, expected, order.currency, decided, true);
            }
            case REFUND_FAILED -> {
                Refund f = startRefund(r.id, method, expected, order.currency, createdAfter(decided, cutoff));
                if (rnd.nextInt(100) < 60) {
                    f.status = RefundStatus.FAILED;
                } else {
                    f.status = RefundStatus.REVERSED;
                    f.settledAt = settledAfter(f.createdAt, method, cutoff);
                }
                writeRefund(true);
            }
            case CURRENCY_MISMATCH -> {
                int other = order.currency == Catalog.JPY ? rnd.nextInt(4) : (order.currency + 1 + rnd.nextInt(3)) % 4;
                long amount = order.currency == Catalog.JPY ? Math.max(1, expected * 2 / 3) : expected;
                settledRefund(r.id, method, amount, other, decided, true);
            }
            default -> {
                // no money moved yet
            }
        }
        continueTomorrow(s, r, method, expected, decided);
    }

    /** Later versions of today's keys, in D+1's files: decisions, settlements, cancelled lines, refunds. */
    private void continueTomorrow(Scenario s, Request r, RefundMethod method, long expected, long decided) {
        int u = rnd.nextInt(100);
        switch (s) {
            case PENDING_DECISION -> {
                long decidedTomorrow = between(cutoff + MINUTE, cutoff + 12 * HOUR);
                if (u < 60) {
                    confirm(r, decidedTomorrow);
                    writeRequestTomorrow(r);
                    settledRefund(r.id, method, expected, order.currency, decidedTomorrow, false);
                    if (rnd.nextBoolean()) {
                        cancelLinesTomorrow();
                    }
                } else if (u < 80) {
                    r.status = RequestStatus.REJECTED;
                    r.decidedAt = decidedTomorrow;
                    writeRequestTomorrow(r);
                }
            }
            case STUCK_AWAITING_DECISION -> {
                if (u < 40) {
                    confirm(r, between(cutoff + MINUTE, cutoff + 20 * HOUR));
                    writeRequestTomorrow(r);
                }
            }
            case REFUND_PENDING -> {
                if (u < 80) {
                    refund.status = RefundStatus.SETTLED;
                    refund.settledAt = between(Math.max(cutoff, refund.createdAt + MINUTE), cutoff + 20 * HOUR);
                    writeRefund(false);
                }
            }
            case AWAITING_REFUND -> {
                if (u < 50) {
                    settledRefund(r.id, method, expected, order.currency, Math.max(decided, cutoff), false);
                }
            }
            case STUCK_NO_REFUND -> {
                if (u < 30) {
                    startRefund(r.id, method, expected, order.currency, createdAfter(cutoff, cutoff + DAY));
                    writeRefund(false);
                }
            }
            case REFUNDED, REFUNDED_SPLIT, REFUNDED_UNNAMED, REFUNDED_CENT_SHORT -> {
                if (u < 10) {
                    cancelLinesTomorrow();
                }
            }
            default -> {
                // nothing more happens to it tomorrow
            }
        }
    }

    /** A request for an order that is in no file today; 40% of the time the order's lines arrive tomorrow. */
    private void orderNotFound() {
        newOrder(lines(Long.MAX_VALUE, 1), -1);
        markRequested(0);
        requestedCancellable(true);
        Request r = newRequest(0);
        boolean confirmed = rnd.nextInt(100) < 55;
        long decided = confirmed ? between(dayStart, cutoff - HOUR) : NONE;
        r.requestedAt = confirmed ? requestedBefore(decided, r.channel) : cutoff - between(MINUTE, 20 * HOUR);
        order.placedAt = placedBefore(r.requestedAt, requestedGrocery());
        if (confirmed) {
            confirm(r, decided);
        }
        writeRequest(r);
        if (rnd.nextInt(100) < 40) {
            if (confirmed) {
                confirmedStatuses();
            } else {
                openStatuses();
            }
            linesTomorrow();
        }
    }

    /** A request for a line number the order does not have. */
    private void lineNotFound(long remaining) {
        newOrder(lines(remaining, 1), -1);
        Request r = newRequest(order.lines + 1 + rnd.nextInt(2));
        boolean confirmed = rnd.nextInt(100) < 40;
        long decided = confirmed ? between(dayStart, cutoff - HOUR) : NONE;
        r.requestedAt = confirmed ? requestedBefore(decided, r.channel) : cutoff - between(MINUTE, 20 * HOUR);
        order.placedAt = r.requestedAt - between(5 * MINUTE, 30 * HOUR);
        if (confirmed) {
            confirm(r, decided);
        }
        for (int i = 0; i < order.lines; i++) {
            fillerStatus(i);
        }
        writeOrder();
        writeRequest(r);
    }

    /**
     * Two line-level requests on one order. The first is refunded by a refund naming it; the second's
     * refund names no request, so it cannot be assigned (AMBIGUOUS_REFUND) and the second awaits its refund.
     */
    private void ambiguous(long remaining) {
        newOrder(lines(remaining, 2), -1);
        int a = rnd.nextInt(order.lines);
        int b = (a + 1 + rnd.nextInt(order.lines - 1)) % order.lines;
        order.requested[a] = true;
        order.requested[b] = true;
        requestedCancellable(false);
        int channelA = Catalog.channel(rnd);
        int channelB = Catalog.channel(rnd);
        long decidedA = between(dayStart, cutoff - 3 * HOUR);
        long decidedB = cutoff - between(2 * HOUR, REFUND_START_SLA - HOUR);
        long requestedA = requestedBefore(decidedA, channelA);
        long requestedB = requestedBefore(decidedB, channelB);
        order.placedAt = placedBefore(Math.min(requestedA, requestedB), false);
        confirmedStatuses();
        otherStatuses();
        writeOrder();
        RefundMethod method = refundMethod();

        Request r = newRequest(a + 1);
        r.channel = channelA;
        r.requestedAt = requestedA;
        confirm(r, decidedA);
        writeRequest(r);
        settledRefund(r.id, method, lineExpected(a), order.currency, decidedA, true);

        r = newRequest(b + 1);
        r.channel = channelB;
        r.requestedAt = requestedB;
        confirm(r, decidedB);
        writeRequest(r);
        settledRefund(null, method, lineExpected(b), order.currency, decidedB, true);
    }

    /** An order without a request, and a refund on it: a goodwill credit, or naming a request that never was. */
    private void orphanRefund(Scenario s, long remaining) {
        newOrder(lines(remaining, 1), -1);
        order.placedAt = between(dayStart - 2 * DAY, cutoff - 2 * HOUR);
        for (int i = 0; i < order.lines; i++) {
            fillerStatus(i);
        }
        writeOrder();
        long after = Math.max(order.placedAt, dayStart);
        if (s == Scenario.ORPHAN_NO_REQUEST) {
            long amount = between(5, 25) * 100; // 5.00 to 25.00, or 500 to 2500 yen
            settledRefund(null, ACCOUNT_CREDIT, amount, order.currency, after, true);
        } else {
            String unknown = Ids.dated("CR", yyyymmdd, ++requestSeq);
            markRequested(0);
            settledRefund(unknown, refundMethod(), expected(), order.currency, after, true);
        }
    }

    /**
     * A confirmed, refunded request whose own row is exported a day late: today its refund names a request
     * recon does not know (ORPHAN_REFUND); tomorrow the request arrives and is REFUNDED.
     */
    private void lateRequest(long remaining) {
        newOrder(lines(remaining, 1), -1);
        markRequested(0);
        requestedCancellable(true);
        Request r = newRequest(0);
        long decided = between(dayStart, cutoff - 3 * HOUR);
        r.requestedAt = requestedBefore(decided, r.channel);
        order.placedAt = placedBefore(r.requestedAt, requestedGrocery());
        confirm(r, decided);
        confirmedStatuses();
        writeOrder();
        settledRefund(r.id, refundMethod(), expected(), order.currency, decided, true);
        writeRequestTomorrow(r);
    }

    // --- the order ---

    private int lines(long remaining, int min) {
        int u = rnd.nextInt(LINES_CUMULATIVE[LINES_CUMULATIVE.length - 1]);
        int lines = 1;
        while (u >= LINES_CUMULATIVE[lines - 1]) {
            lines++;
        }
        return (int) Math.min(Math.max(lines, min), remaining);
    }

    private void newOrder(int lines, int currency) {
        Order o = order;
        o.id = Ids.orderId(epochDay, ++orderSeq);
        o.customer = 10_000 + rnd.nextInt(990_000);
        o.currency = currency >= 0 ? currency : Catalog.currency(rnd);
        o.payment = Catalog.paymentMethod(rnd);
        o.lines = lines;
        for (int i = 0; i < lines; i++) {
            setCategory(i, Catalog.category(rnd));
            o.status[i] = null;
            o.shippedAt[i] = NONE;
            o.requested[i] = false;
        }
    }

    /** Sets a line's category and draws its sku, quantity, price and tax to match. */
    private void setCategory(int i, int category) {
        Order o = order;
        o.category[i] = category;
        o.sku[i] = rnd.nextInt(SKU_CODES);
        o.quantity[i] = Catalog.quantity(category, rnd);
        o.unitPrice[i] = Catalog.unitPrice(category, o.currency, rnd);
        o.tax[i] = Catalog.tax(o.quantity[i] * o.unitPrice[i], o.currency);
    }

    /** 0 (the whole order) mostly; a line number for some requests on multi-line orders. */
    private int lineLevel() {
        return order.lines >= 2 && rnd.nextInt(100) < LINE_LEVEL_PERCENT ? 1 + rnd.nextInt(order.lines) : 0;
    }

    private void markRequested(int lineNo) {
        for (int i = 0; i < order.lines; i++) {
            order.requested[i] = lineNo == 0 || i == lineNo - 1;
        }
    }

    /** The requested lines get cancellable categories (and, unless allowed, no 30-minute GROCERY window). */
    private void requestedCancellable(boolean groceryAllowed) {
        for (int i = 0; i < order.lines; i++) {
            while (order.requested[i] && (order.category[i] == Catalog.DIGITAL
                    || !groceryAllowed && order.category[i] == Catalog.GROCERY)) {
                setCategory(i, Catalog.category(rnd));
            }
        }
    }

    private int firstRequested() {
        for (int i = 0; ; i++) {
            if (order.requested[i]) {
                return i;
            }
        }
    }

    private boolean requestedGrocery() {
        for (int i = 0; i < order.lines; i++) {
            if (order.requested[i] && order.category[i] == Catalog.GROCERY) {
                return true;
            }
        }
        return false;
    }

    /** Requested lines of an undecided or rejected request: not shipped. */
    private void openStatuses() {
        for (int i = 0; i < order.lines; i++) {
            if (order.requested[i]) {
                order.status[i] = rnd.nextInt(100) < 40 ? FulfillmentStatus.PENDING : FulfillmentStatus.PROCESSING;
                order.shippedAt[i] = NONE;
            }
        }
    }

    /** Requested lines of a confirmed request: mostly already CANCELLED, some not yet updated. */
    private void confirmedStatuses() {
        for (int i = 0; i < order.lines; i++) {
            if (order.requested[i]) {
                order.status[i] = rnd.nextInt(100) < 70 ? FulfillmentStatus.CANCELLED : FulfillmentStatus.PROCESSING;
                order.shippedAt[i] = NONE;
            }
        }
    }

    private void otherStatuses() {
        for (int i = 0; i < order.lines; i++) {
            if (!order.requested[i]) {
                fillerStatus(i);
            }
        }
    }

    /** A line nobody asked to cancel: digital goods are delivered at once; others may have shipped. */
    private void fillerStatus(int i) {
        Order o = order;
        long placed = o.placedAt;
        o.shippedAt[i] = NONE;
        if (o.category[i] == Catalog.DIGITAL) {
            o.status[i] = FulfillmentStatus.DELIVERED;
            o.shippedAt[i] = placed + between(5, Math.max(5, Math.min(300, cutoff - 1 - placed)));
            return;
        }
        int u = rnd.nextInt(100);
        if (u < 35 && cutoff - placed > 2 * HOUR) {
            o.shippedAt[i] = between(placed + HOUR, cutoff - MINUTE);
            o.status[i] = u < 20 && cutoff - o.shippedAt[i] > DAY ? FulfillmentStatus.DELIVERED : FulfillmentStatus.SHIPPED;
        } else if (u >= 35 && u < 37) {
            o.status[i] = FulfillmentStatus.CANCELLED;
        } else {
            o.status[i] = u < 70 ? FulfillmentStatus.PROCESSING : FulfillmentStatus.PENDING;
        }
    }

    private long lineExpected(int i) {
        Order o = order;
        long gross = o.quantity[i] * o.unitPrice[i];
        long fee = o.category[i] == Catalog.FURNITURE ? (gross * FURNITURE_FEE_PERCENT + 50) / 100 : 0;
        return gross - fee + o.tax[i];
    }

    /** The spec's expected refund E of the requested lines, in minor units. */
    private long expected() {
        long sum = 0;
        for (int i = 0; i < order.lines; i++) {
            if (order.requested[i]) {
                sum += lineExpected(i);
            }
        }
        return sum;
    }

    private long requestedTaxes() {
        long sum = 0;
        for (int i = 0; i < order.lines; i++) {
            if (order.requested[i]) {
                sum += order.tax[i];
            }
        }
        return sum;
    }

    private void writeOrder() {
        boolean cleanBefore = false;
        for (int i = 0; i < order.lines; i++) {
            RejectReason defect = orderDefect(i, cleanBefore);
            orderRowsWritten += writeOrderLine(today.orders, i, order.status[i], order.shippedAt[i], defect);
            cleanBefore |= defect == null;
        }
    }

    /** Tomorrow's version of the requested lines that are not cancelled yet: CANCELLED. */
    private void cancelLinesTomorrow() {
        int count = 0;
        for (int i = 0; i < order.lines; i++) {
            if (order.requested[i] && order.status[i] != FulfillmentStatus.CANCELLED) {
                count++;
            }
        }
        if (count == 0 || tomorrowOrderRows + count > orderLinesPerDay) {
            return;
        }
        for (int i = 0; i < order.lines; i++) {
            if (order.requested[i] && order.status[i] != FulfillmentStatus.CANCELLED) {
                tomorrowOrderRows += writeOrderLine(tomorrow.orders, i, FulfillmentStatus.CANCELLED, NONE, null);
            }
        }
    }

    /** All lines of the order in tomorrow's file (an export that lags a day). */
    private void linesTomorrow() {
        if (tomorrowOrderRows + order.lines > orderLinesPerDay) {
            return;
        }
        for (int i = 0; i < order.lines; i++) {
            tomorrowOrderRows += writeOrderLine(tomorrow.orders, i, order.status[i], order.shippedAt[i], null);
        }
    }

    /** Tomorrow's version of the lines not shipped yet: SHIPPED during tomorrow. */
    private void shipTomorrow() {
        int count = 0;
        for (int i = 0; i < order.lines; i++) {
            if (order.status[i] == FulfillmentStatus.PENDING || order.status[i] == FulfillmentStatus.PROCESSING) {
                count++;
            }
        }
        if (count == 0 || tomorrowOrderRows + count > orderLinesPerDay) {
            return;
        }
        for (int i = 0; i < order.lines; i++) {
            if (order.status[i] == FulfillmentStatus.PENDING || order.status[i] == FulfillmentStatus.PROCESSING) {
                long shipped = between(Math.max(cutoff, order.placedAt + HOUR), cutoff + DAY - MINUTE);
                tomorrowOrderRows += writeOrderLine(tomorrow.orders, i, FulfillmentStatus.SHIPPED, shipped, null);
            }
        }
    }

    // --- requests and refunds ---

    private Request newRequest(int lineNo) {
        Request r = request;
        r.seq = ++requestSeq;
        r.id = Ids.dated("CR", yyyymmdd, r.seq);
        r.orderId = order.id;
        r.lineNo = lineNo;
        r.customer = order.customer;
        r.channel = Catalog.channel(rnd);
        r.reason = Catalog.reason(rnd);
        r.offset = offset();
        r.status = RequestStatus.REQUESTED;
        r.confirmation = null;
        r.decidedAt = NONE;
        r.requestedAt = NONE;
        return r;
    }

    private void confirm(Request r, long decidedAt) {
        r.status = RequestStatus.CONFIRMED;
        r.confirmation = Ids.confirmationNumber(epochDay, r.seq);
        r.decidedAt = decidedAt;
    }

    /** The customer asks; the storefront (or an agent, faster) decides some time later. */
    private long requestedBefore(long decidedAt, int channel) {
        return decidedAt - (channel == Catalog.CUSTOMER_SERVICE ? between(MINUTE, 20 * MINUTE)
                : between(MINUTE, 4 * HOUR));
    }

    /** GROCERY lines are cancellable for 30 minutes: such requests come within the window. */
    private long placedBefore(long requestedAt, boolean grocery) {
        return requestedAt - (grocery ? between(MINUTE, GROCERY_WINDOW) : between(5 * MINUTE, 36 * HOUR));
    }

    private RefundMethod refundMethod() {
        return switch (Catalog.PAYMENT_METHODS[order.payment]) {
            case CARD -> rnd.nextInt(100) < 85 ? ORIGINAL_PAYMENT : ACCOUNT_CREDIT;
            case GIFT_CARD -> rnd.nextInt(100) < 60 ? ORIGINAL_PAYMENT : ACCOUNT_CREDIT;
            case PROMO_CREDIT -> ACCOUNT_CREDIT;
        };
    }

    private Refund startRefund(String requestId, RefundMethod method, long amount, int currency, long createdAt) {
        Refund f = refund;
        f.txnId = Ids.dated("TX", yyyymmdd, ++txnSeq);
        f.orderId = order.id;
        f.requestId = requestId;
        f.method = method;
        f.amount = amount;
        f.currency = currency;
        f.status = RefundStatus.PENDING;
        f.createdAt = createdAt;
        f.settledAt = NONE;
        f.offset = offset();
        return f;
    }

    /** A refund created after {@code after} and settled, both before the cutoff of today or tomorrow. */
    private void settledRefund(String requestId, RefundMethod method, long amount, int currency, long after,
                               boolean forToday) {
        long limit = forToday ? cutoff : cutoff + DAY;
        Refund f = startRefund(requestId, method, amount, currency, createdAfter(after, limit));
        f.status = RefundStatus.SETTLED;
        f.settledAt = settledAfter(f.createdAt, method, limit);
        writeRefund(forToday);
    }

    /** Within two hours after {@code after}, and before {@code limit} (which must be minutes away at least). */
    private long createdAfter(long after, long limit) {
        long latest = Math.max(1, Math.min(2 * HOUR, (limit - 1 - after) / 2));
        return after + between(Math.min(MINUTE, latest), latest);
    }

    /** Account credits settle within minutes, payments to the card or gift card within hours. */
    private long settledAfter(long created, RefundMethod method, long limit) {
        long latest = Math.max(1, Math.min(method == ACCOUNT_CREDIT ? 30 * MINUTE : 10 * HOUR, limit - 1 - created));
        return created + between(Math.min(MINUTE, latest), latest);
    }

    private int offset() {
        return rnd.nextInt(100) < 12 ? Catalog.OFFSETS[rnd.nextInt(Catalog.OFFSETS.length)] : 0;
    }

    private long between(long from, long to) {
        return from + rnd.nextLong(to - from + 1);
    }

    // --- rows, and their defects ---

    private RejectReason orderDefect(int i, boolean cleanBefore) {
        if (!orderDefects.nextRowIsDefective(protectedRows, rnd)) {
            return null;
        }
        RejectReason defect = ORDER_DEFECTS[rnd.nextInt(ORDER_DEFECTS.length)];
        if (defect == MISSING_WHEN_REQUIRED && order.shippedAt[i] == NONE) {
            defect = BAD_INSTANT;
        }
        if (defect == MIXED_ORDER && !cleanBefore) {
            // only a line after an accepted line of its order is a mixed order (and only that line is)
            defect = UNKNOWN_VALUE;
        }
        if (defect == DUPLICATE_KEY && orderRowsWritten + (order.lines - i) + 1 > ownOrderRows) {
            defect = MISSING_VALUE;
        }
        return defect;
    }

    private RejectReason cancellationDefect(Request r) {
        if (!cancellationDefects.nextRowIsDefective(protectedRows, rnd)) {
            return null;
        }
        RejectReason defect = CANCELLATION_DEFECTS[rnd.nextInt(CANCELLATION_DEFECTS.length)];
        return defect == MISSING_WHEN_REQUIRED && r.status == RequestStatus.REQUESTED ? BAD_INSTANT : defect;
    }

    private RejectReason refundDefect(Refund f) {
        if (!refundDefects.nextRowIsDefective(protectedRows, rnd)) {
            return null;
        }
        RejectReason defect = REFUND_DEFECTS[rnd.nextInt(REFUND_DEFECTS.length)];
        return defect == MISSING_WHEN_REQUIRED && f.settledAt == NONE ? TOO_MANY_DECIMALS : defect;
    }

    /** @return rows written: 1, or 2 for a duplicated key */
    private int writeOrderLine(CsvSink sink, int i, FulfillmentStatus status, long shippedAt, RejectReason defect) {
        Order o = order;
        StringBuilder b = sink.row();
        b.append(o.id).append(',').append(i + 1).append(",C-").append(o.customer).append(',');
        if (defect == BAD_INSTANT) {
            CsvSink.appendLocal(b, o.placedAt, 'T');
        } else {
            CsvSink.appendInstant(b, o.placedAt, 0);
        }
        b.append(',');
        if (defect != MISSING_VALUE) {
            appendSku(b, o.category[i], o.sku[i]);
        }
        b.append(',').append(Catalog.CATEGORIES[o.category[i]]).append(',');
        b.append(defect == OUT_OF_RANGE ? 0 : o.quantity[i]).append(',');
        appendMoney(b, o.unitPrice[i], o.currency, defect);
        b.append(',');
        appendMoney(b, o.tax[i], o.currency, null);
        b.append(',').append(defect == UNKNOWN_CURRENCY ? "AUD" : Catalog.CURRENCIES[o.currency]);
        if (defect == TOO_FEW_FIELDS) {
            sink.endRow(true, false);
            return 1;
        }
        b.append(',');
        if (defect == UNKNOWN_VALUE) {
            b.append("PAYPAL");
        } else {
            int payment = defect == MIXED_ORDER ? (o.payment + 1) % Catalog.PAYMENT_METHODS.length : o.payment;
            b.append(Catalog.PAYMENT_METHODS[payment].name());
        }
        b.append(',').append(status.name()).append(',');
        if (shippedAt != NONE && defect != MISSING_WHEN_REQUIRED) {
            CsvSink.appendInstant(b, shippedAt, 0);
        }
        return end(sink, defect);
    }

    private void writeRequest(Request r) {
        writeRequest(today.cancellations, r, cancellationDefect(r));
    }

    private void writeRequestTomorrow(Request r) {
        writeRequest(tomorrow.cancellations, r, null);
    }

    private void writeRequest(CsvSink sink, Request r, RejectReason defect) {
        StringBuilder b = sink.row();
        b.append(r.id).append(',').append(r.orderId).append(',');
        if (defect == BAD_NUMBER) {
            b.append(r.lineNo == 0 ? "all" : "#" + r.lineNo);
        } else if (r.lineNo > 0) {
            b.append(r.lineNo);
        }
        b.append(',');
        if (defect != MISSING_VALUE) {
            b.append("C-").append(r.customer);
        }
        b.append(',');
        appendInstant(b, r.requestedAt, r.offset, defect == BAD_INSTANT);
        b.append(',').append(defect == UNKNOWN_VALUE ? "EMAIL" : Catalog.CHANNELS[r.channel].name());
        b.append(',').append(r.reason).append(',').append(r.status.name()).append(',');
        boolean missing = defect == MISSING_WHEN_REQUIRED;
        if (r.confirmation != null && !(missing && r.status == RequestStatus.CONFIRMED)) {
            b.append(r.confirmation);
        }
        b.append(',');
        if (r.decidedAt != NONE && !(missing && r.status == RequestStatus.REJECTED)) {
            appendInstant(b, r.decidedAt, r.offset, false);
        }
        end(sink, defect);
    }

    private void writeRefund(boolean forToday) {
        if (forToday) {
            writeRefund(today.refunds, refundDefect(refund));
        } else {
            writeRefund(tomorrow.refunds, null);
        }
    }

    private void writeRefund(CsvSink sink, RejectReason defect) {
        Refund f = refund;
        StringBuilder b = sink.row();
        b.append(f.txnId).append(',');
        if (defect != MISSING_VALUE) {
            b.append(f.orderId);
        }
        b.append(',');
        if (f.requestId != null) {
            b.append(f.requestId);
        }
        b.append(',').append(defect == UNKNOWN_VALUE ? "CASH" : f.method.name()).append(',');
        if (defect == OUT_OF_RANGE) {
            CsvSink.appendAmount(b, 0, Catalog.CURRENCY_DIGITS[f.currency]);
        } else {
            appendMoney(b, f.amount, f.currency, defect);
        }
        b.append(',').append(defect == UNKNOWN_CURRENCY ? "AUD" : Catalog.CURRENCIES[f.currency]);
        b.append(',').append(f.status.name()).append(',');
        appendInstant(b, f.createdAt, f.offset, defect == BAD_INSTANT);
        b.append(',');
        if (f.settledAt != NONE && defect != MISSING_WHEN_REQUIRED) {
            appendInstant(b, f.settledAt, f.offset, false);
        }
        end(sink, defect);
    }

    private static int end(CsvSink sink, RejectReason defect) {
        boolean duplicate = defect == DUPLICATE_KEY;
        sink.endRow(defect != null && !duplicate, duplicate);
        return duplicate ? 2 : 1;
    }

    private static void appendInstant(StringBuilder b, long instant, int offset, boolean bad) {
        if (bad) {
            // no offset: "2026-11-01 10:00:00", not an ISO-8601 instant
            CsvSink.appendLocal(b, instant + offset * 60L, ' ');
        } else {
            CsvSink.appendInstant(b, instant, offset);
        }
    }

    /** An amount; BAD_NUMBER writes it with a thousands separator or a decimal comma (quoted). */
    private static void appendMoney(StringBuilder b, long minor, int currency, RejectReason defect) {
        int digits = Catalog.CURRENCY_DIGITS[currency];
        if (defect == BAD_NUMBER) {
            long whole = digits == 2 ? minor / 100 : minor;
            b.append('"');
            if (whole >= 1000) {
                b.append(whole / 1000).append(',');
                CsvSink.appendPadded(b, whole % 1000, 3);
                if (digits == 2) {
                    b.append('.');
                    CsvSink.appendPadded(b, minor % 100, 2);
                }
            } else {
                b.append(whole).append(',');
                CsvSink.appendPadded(b, digits == 2 ? minor % 100 : 0, 2);
            }
            b.append('"');
            return;
        }
        CsvSink.appendAmount(b, minor, digits);
        if (defect == TOO_MANY_DECIMALS) {
            b.append(digits == 0 ? ".0" : "0");
        }
    }

    private static void appendSku(StringBuilder b, int category, int code) {
        int letters = code / 10_000;
        b.append(Catalog.SKU_PREFIXES[category]).append('-')
                .append((char) ('A' + letters / 676)).append((char) ('A' + letters / 26 % 26))
                .append((char) ('A' + letters % 26)).append('-');
        CsvSink.appendPadded(b, code % 10_000, 4);
    }
}
