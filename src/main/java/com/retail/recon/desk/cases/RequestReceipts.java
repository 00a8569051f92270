package com.retail.recon.desk.cases;

import com.retail.recon.desk.runs.RunBundles;
import com.retail.recon.receipt.ReceiptNames;
import com.retail.recon.run.RunHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A request's receipt: the PDF in {@code data/receipts/} of the bundle of the date it became REFUNDED. Its file
 * name is worked out as the receipts step gave it ({@code ReceiptReader}: that date's receipts in request_id
 * order, each named by {@link ReceiptNames}), so nothing a request says becomes a path; the file is then opened
 * only through {@link RunBundles#receipt}, which checks it lies in the bundle and is a regular file.
 */
@Component
class RequestReceipts {

    /** Where a receipt is: the business date and run attempt, and its file name. */
    record Receipt(LocalDate businessDate, long attempt, String fileName, Path file) {
    }

    private final JdbcTemplate jdbc;
    private final RunHistory history;
    private final RunBundles bundles;

    RequestReceipts(JdbcTemplate jdbc, RunHistory history, RunBundles bundles) {
        this.jdbc = jdbc;
        this.history = history;
        this.bundles = bundles;
    }

    /** The receipt of the latest date on which the request became REFUNDED, when its bundle still has it. */
    Optional<Receipt> of(String requestId) throws IOException {
        List<LocalDate> dates = jdbc.query("SELECT business_date FROM recon_request WHERE request_id = ? "
                + "AND became_refunded = TRUE ORDER BY business_date DESC", (rs, i) -> rs.getObject(1, LocalDate.class),
                requestId);
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        LocalDate date = dates.get(0);
        String name = fileName(date, requestId);
        if (name == null) {
            return Optional.empty();
        }
        for (RunHistory.Run run : history.recent(date, Integer.MAX_VALUE)) {
            if (!"COMPLETED".equals(run.state())) {
                continue;
            }
            Optional<Path> bundle = bundles.bundle(run);
            if (bundle.isPresent()) {
                Optional<Path> file = bundles.receipt(bundle.get(), name);
                return file.map(f -> new Receipt(date, run.attempt(), name, f));
            }
        }
        return Optional.empty();
    }

    /** The name the receipts step gave the request's receipt on the date (null: it had none). */
    private String fileName(LocalDate date, String requestId) {
        List<String[]> receipts = jdbc.query("SELECT request_id, confirmation_number FROM recon_request "
                + "WHERE business_date = ? AND became_refunded = TRUE ORDER BY request_id",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2)}, date);
        Map<String, Integer> numbers = new HashMap<>();
        for (String[] receipt : receipts) {
            numbers.merge(ReceiptNames.sameNumber(receipt[1]), 1, Integer::sum);
        }
        SortedSet<String> taken = ReceiptNames.newTakenSet();
        for (String[] receipt : receipts) {
            String name = ReceiptNames.fileName(receipt[1], numbers.get(ReceiptNames.sameNumber(receipt[1])) > 1, taken);
            taken.add(name);
            if (receipt[0].equals(requestId)) {
                return name;
            }
        }
        return null;
    }
}
