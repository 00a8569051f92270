package com.retail.recon.reconcile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.FulfillmentStatus;
import com.retail.recon.domain.OrderLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.retail.recon.reconcile.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** E = sum over the lines of quantity × unit_price − fee + tax, fee rounded half-up to the minor unit. */
class ExpectedRefundTests {

    private static final CancellationRequest WHOLE_ORDER = requested("R-1", "O-1", hoursBeforeCutoff(1));

    private static String expected(CancellationRequest request, OrderLine... lines) {
        return RULES.evaluate(request, List.of(lines), List.of(), CUTOFF).expectedRefund().toPlainString();
    }

    @Test
    void sumsQuantityTimesPricePlusTaxOverAllLines() {
        assertThat(expected(WHOLE_ORDER,
                line("O-1", 1, "DEFAULT", 3, "19.99", "4.80", "USD"),
                line("O-1", 2, "DEFAULT", 1, "5.00", "0.40", "USD")))
                .isEqualTo("70.17");
    }

    @Test
    void feeRounding_isHalfUpToTheMinorUnit() {
        // 15% of 33.33 = 4.9995 -> 5.00; E = 33.33 - 5.00 + 0.00
        assertThat(expected(WHOLE_ORDER, line("O-1", 1, "FURNITURE", 1, "33.33", "0.00", "USD")))
                .isEqualTo("28.33");
    }

    @Test
    void feeRounding_downBelowHalf() {
        // 15% of 10.01 = 1.5015 -> 1.50
        assertThat(expected(WHOLE_ORDER, line("O-1", 1, "FURNITURE", 1, "10.01", "0.00", "USD")))
                .isEqualTo("8.51");
    }

    @Test
    void feeIsOnQuantityTimesPriceNotOnTax() {
        // 15% of 2 x 50.00 = 15.00; E = 100.00 - 15.00 + 8.00
        assertThat(expected(WHOLE_ORDER, line("O-1", 1, "FURNITURE", 2, "50.00", "8.00", "USD")))
                .isEqualTo("93.00");
    }

    @Test
    void jpyScale_hasNoMinorUnit() {
        // 15% of 3 x 333 = 149.85 -> 150 yen; E = 999 - 150 + 80
        assertThat(expected(WHOLE_ORDER, line("O-1", 1, "FURNITURE", 3, "333", "80", "JPY"))).isEqualTo("929");
    }

    @Test
    void aWholeOrderRequestCountsEveryLine_whateverItsFulfillmentStatus() {
        assertThat(expected(WHOLE_ORDER,
                inStatus(line("O-1", 1, "DEFAULT", 1, "10.00", "1.00", "USD"), FulfillmentStatus.CANCELLED, null),
                inStatus(line("O-1", 2, "DEFAULT", 1, "20.00", "2.00", "USD"), FulfillmentStatus.DELIVERED,
                        hoursBeforeCutoff(2)),
                inStatus(line("O-1", 3, "DEFAULT", 1, "40.00", "4.00", "USD"), FulfillmentStatus.PROCESSING, null)))
                .isEqualTo("77.00");
    }

    @Test
    void aLineLevelRequestCountsOnlyItsLine() {
        assertThat(expected(forLine(WHOLE_ORDER, 2),
                line("O-1", 1, "DEFAULT", 1, "10.00", "1.00", "USD"),
                line("O-1", 2, "DEFAULT", 1, "20.00", "2.00", "USD")))
                .isEqualTo("22.00");
    }

    @Test
    void unknownCategoriesFollowDefault() {
        assertThat(expected(WHOLE_ORDER, line("O-1", 1, "GARDEN", 1, "10.00", "1.00", "USD"))).isEqualTo("11.00");
    }

    @Test
    void lineRefund_showsEachTermOfALine_andTheLinesAddUpToE() {
        OrderLine furniture = line("O-1", 1, "FURNITURE", 2, "6.15", "2.34", "EUR");
        OrderLine other = line("O-1", 2, "TOYS", 1, "5.00", "0.40", "EUR");
        CancellationRules.LineRefund share = RULES.lineRefund(furniture);
        assertThat(share.price().toPlainString()).isEqualTo("12.30");
        assertThat(share.feePercent()).isEqualByComparingTo("15");
        assertThat(share.fee().toPlainString()).isEqualTo("1.85");
        assertThat(share.tax().toPlainString()).isEqualTo("2.34");
        assertThat(share.refund().toPlainString()).isEqualTo("12.79");
        assertThat(expected(WHOLE_ORDER, furniture, other))
                .isEqualTo(share.refund().plus(RULES.lineRefund(other).refund()).toPlainString());
    }
}
