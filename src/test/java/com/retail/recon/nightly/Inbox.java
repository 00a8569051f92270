package com.retail.recon.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Writes small inbox folders for tests. */
public final class Inbox {

    public static final String ORDERS_HEADER = "order_id,line_no,customer_id,placed_at,sku,category,quantity,"
            + "unit_price,tax,currency,payment_method,fulfillment_status,shipped_at";
    public static final String CANCELLATIONS_HEADER = "request_id,order_id,line_no,customer_id,requested_at,"
            + "channel,reason,status,confirmation_number,decided_at";
    public static final String REFUNDS_HEADER =
            "txn_id,order_id,request_id,method,amount,currency,status,created_at,settled_at";

    private final Path root;

    public Inbox(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Inbox file(LocalDate date, String name, String header, String... rows) {
        try {
            Path folder = Files.createDirectories(root.resolve(date.toString()));
            StringBuilder text = new StringBuilder(header).append('\n');
            for (String row : rows) {
                text.append(row).append('\n');
            }
            Files.writeString(folder.resolve(name), text.toString());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A date whose requests all become REFUNDED, one per confirmation number (quoted as CSV): order line O-i,
     * confirmed request R-i with the i-th number, settled refund T-i.
     */
    public Inbox refundedRequests(LocalDate date, List<String> confirmationNumbers) {
        String day = date.toString();
        int n = confirmationNumbers.size();
        String[] orders = new String[n];
        String[] requests = new String[n];
        String[] refunds = new String[n];
        for (int i = 0; i < n; i++) {
            orders[i] = "O-" + i + ",1,C-1," + day + "T10:00:00Z,SKU-1,DEFAULT,1,10.00,0.80,USD,CARD,PENDING,";
            requests[i] = "R-" + i + ",O-" + i + ",,C-1," + day + "T11:00:00Z,WEBSITE,,CONFIRMED,\""
                    + confirmationNumbers.get(i).replace("\"", "\"\"") + "\"," + day + "T11:05:00Z";
            refunds[i] = "T-" + i + ",O-" + i + ",R-" + i + ",ORIGINAL_PAYMENT,10.80,USD,SETTLED," + day
                    + "T12:00:00Z," + day + "T13:00:00Z";
        }
        return file(date, "orders.csv", ORDERS_HEADER, orders)
                .file(date, "cancellations.csv", CANCELLATIONS_HEADER, requests)
                .file(date, "refunds.csv", REFUNDS_HEADER, refunds);
    }

    /** A date with one order line of O-&lt;n&gt;, one confirmed request on it and one settled refund for it. */
    public Inbox simpleDay(LocalDate date, int n) {
        String day = date.toString();
        file(date, "orders.csv", ORDERS_HEADER,
                "O-" + n + ",1,C-1," + day + "T10:00:00Z,SKU-1,DEFAULT,1,10.00,0.80,USD,CARD,PENDING,");
        file(date, "cancellations.csv", CANCELLATIONS_HEADER,
                "R-" + n + ",O-" + n + ",,C-1," + day + "T11:00:00Z,WEBSITE,,CONFIRMED,CNF-" + n + "," + day
                        + "T11:05:00Z");
        file(date, "refunds.csv", REFUNDS_HEADER,
                "T-" + n + ",O-" + n + ",R-" + n + ",ORIGINAL_PAYMENT,10.80,USD,SETTLED," + day + "T12:00:00Z,"
                        + day + "T13:00:00Z");
        return this;
    }
}
