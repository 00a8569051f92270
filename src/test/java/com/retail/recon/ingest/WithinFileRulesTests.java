package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import com.retail.recon.ingest.WithinFileRules.Candidate;
import com.retail.recon.ingest.WithinFileRules.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DUPLICATE_KEY and MIXED_ORDER: the first accepted row counts. */
class WithinFileRulesTests {

    private static Candidate order(long line, String orderId, int lineNo, String currency, String method) {
        return new Candidate(line, orderId + "/" + lineNo, orderId, currency, method);
    }

    @Test
    void laterRowsWithAnAcceptedKey_areDuplicates() {
        List<Verdict> verdicts = WithinFileRules.rejects(InputFile.REFUNDS, List.of(
                new Candidate(2, "T-1", null, null, null),
                new Candidate(3, "T-2", null, null, null),
                new Candidate(7, "T-1", null, null, null)));
        assertThat(verdicts).containsExactly(new Verdict(7, RejectReason.DUPLICATE_KEY, "txn_id"));
    }

    @Test
    void theFirstRowOfAnOrderFixesCurrencyAndPaymentMethod() {
        List<Verdict> verdicts = WithinFileRules.rejects(InputFile.ORDERS, List.of(
                order(2, "O-1", 1, "USD", "CARD"),
                order(3, "O-1", 2, "EUR", "CARD"),
                order(4, "O-1", 3, "USD", "GIFT_CARD")));
        assertThat(verdicts).containsExactly(
                new Verdict(3, RejectReason.MIXED_ORDER, "currency"),
                new Verdict(4, RejectReason.MIXED_ORDER, "payment_method"));
    }

    @Test
    void aRejectedRowDoesNotCountAsFirst() {
        // line 3 (mixed) is rejected, so line 4 is the first accepted row of O-1 line 2
        List<Verdict> verdicts = WithinFileRules.rejects(InputFile.ORDERS, List.of(
                order(2, "O-1", 1, "USD", "CARD"),
                order(3, "O-1", 2, "EUR", "CARD"),
                order(4, "O-1", 2, "USD", "CARD")));
        assertThat(verdicts).containsExactly(new Verdict(3, RejectReason.MIXED_ORDER, "currency"));
    }

    @Test
    void anOrderFromAnEarlierDateKeepsItsCurrency() {
        List<Verdict> verdicts = WithinFileRules.rejects(InputFile.ORDERS,
                List.of(order(2, "O-1", 2, "USD", "CARD"), order(3, "O-2", 1, "USD", "CARD")),
                java.util.Map.of("O-1", order(0, "O-1", 1, "JPY", "CARD")));
        assertThat(verdicts).containsExactly(new Verdict(2, RejectReason.MIXED_ORDER, "currency"));
    }

    @Test
    void aDuplicateKeyIsReportedBeforeAMixedOrder() {
        List<Verdict> verdicts = WithinFileRules.rejects(InputFile.ORDERS, List.of(
                order(2, "O-1", 1, "USD", "CARD"),
                order(3, "O-1", 1, "EUR", "CARD")));
        assertThat(verdicts).containsExactly(new Verdict(3, RejectReason.DUPLICATE_KEY, "order_id+line_no"));
    }
}
