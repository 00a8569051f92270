package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that compare rows of the same file, applied in file order: the first accepted row of a key
 * counts and later ones are DUPLICATE_KEY; in orders.csv the first accepted row of an order fixes its
 * currency and payment method and a later row that differs is MIXED_ORDER. A rejected row never counts
 * as "first". An order that arrived on an earlier date keeps the currency and payment method its first
 * accepted row fixed then (an order has one currency; the rules could not total it otherwise).
 */
final class WithinFileRules {

    /** A row that passed the field rules. {@code currency} and {@code paymentMethod} are null outside orders. */
    public record Candidate(long lineNumber, String key, String orderId, String currency, String paymentMethod) {
    }

    public record Verdict(long lineNumber, RejectReason reason, String field) {
    }

    private WithinFileRules() {
    }

    public static List<Verdict> rejects(InputFile file, List<Candidate> rows) {
        return rejects(file, rows, Map.of());
    }

    /**
     * @param rows         rows in file order; all rows sharing a key (and, for orders, an order) must be present
     * @param fixedEarlier for orders that arrived on an earlier date, their first accepted row then
     */
    public static List<Verdict> rejects(InputFile file, List<Candidate> rows, Map<String, Candidate> fixedEarlier) {
        Set<String> acceptedKeys = new HashSet<>();
        Map<String, Candidate> firstOfOrder = new HashMap<>(fixedEarlier);
        List<Verdict> rejected = new ArrayList<>();
        for (Candidate row : rows) {
            if (acceptedKeys.contains(row.key())) {
                rejected.add(new Verdict(row.lineNumber(), RejectReason.DUPLICATE_KEY, file.keyField()));
                continue;
            }
            if (file == InputFile.ORDERS) {
                Candidate first = firstOfOrder.get(row.orderId());
                if (first != null && !first.currency().equals(row.currency())) {
                    rejected.add(new Verdict(row.lineNumber(), RejectReason.MIXED_ORDER, "currency"));
                    continue;
                }
                if (first != null && !first.paymentMethod().equals(row.paymentMethod())) {
                    rejected.add(new Verdict(row.lineNumber(), RejectReason.MIXED_ORDER, "payment_method"));
                    continue;
                }
                firstOfOrder.putIfAbsent(row.orderId(), row);
            }
            acceptedKeys.add(row.key());
        }
        return rejected;
    }
}
