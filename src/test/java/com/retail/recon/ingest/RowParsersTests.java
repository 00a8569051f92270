package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.RefundTxn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each reject reason, with the column it names, and the values that are accepted. */
class RowParsersTests {

    private static final LocalDate D = LocalDate.of(2026, 11, 20);
    private static final RowParsers PARSERS = new RowParsers(Currencies.defaults());

    private static final String ORDERS_HEADER = "order_id,line_no,customer_id,placed_at,sku,category,quantity,"
            + "unit_price,tax,currency,payment_method,fulfillment_status,shipped_at";
    private static final String ORDER_ROW =
            "O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,";
    private static final String CANCELLATIONS_HEADER = "request_id,order_id,line_no,customer_id,requested_at,"
            + "channel,reason,status,confirmation_number,decided_at";
    private static final String REFUNDS_HEADER =
            "txn_id,order_id,request_id,method,amount,currency,status,created_at,settled_at";

    private static Object parse(InputFile file, String header, String row) throws IOException {
        try (CsvRecordReader reader = new CsvRecordReader(file.fileName(),
                new ByteArrayInputStream((header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8)))) {
            CsvHeader csvHeader = CsvHeader.of(file, reader.next());
            return PARSERS.parse(file, csvHeader, reader.next(), D);
        }
    }

    private static RowRejected orderRejected(String row) {
        return catchThrowableOfType(RowRejected.class, () -> parse(InputFile.ORDERS, ORDERS_HEADER, row));
    }

    @Test
    void aValidOrderLine() throws IOException {
        OrderLine line = (OrderLine) parse(InputFile.ORDERS, ORDERS_HEADER, ORDER_ROW);
        assertThat(line.orderId()).isEqualTo("O-1");
        assertThat(line.unitPrice()).isEqualByComparingTo("10.00");
        assertThat(line.shippedAt()).isNull();
        assertThat(line.businessDate()).isEqualTo(D);
    }

    @Test
    void columnsAreFoundByName_inAnyOrder_withExtraColumnsIgnored() throws IOException {
        String header = "currency,extra,order_id,line_no,customer_id,placed_at,sku,category,quantity,unit_price,tax,"
                + "payment_method,fulfillment_status,shipped_at";
        OrderLine line = (OrderLine) parse(InputFile.ORDERS, header,
                "JPY,whatever,O-2,1,C-1,2026-11-20T10:00:00+09:00,SKU-1,DEFAULT,1,1200,96,CARD,PENDING,");
        assertThat(line.currency()).isEqualTo("JPY");
        assertThat(line.placedAt()).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
    }

    @Test
    void aMissingRequiredColumn_isAWholeFileProblemOnLine1() {
        assertThatThrownBy(() -> parse(InputFile.ORDERS, ORDERS_HEADER.replace(",tax", ""), ORDER_ROW))
                .isInstanceOf(InputFileException.class)
                .hasMessage("orders.csv line 1: required column tax missing from the header");
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "TOO_FEW_FIELDS|fulfillment_status|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD",
            "TOO_MANY_FIELDS|''|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,,",
            "TOO_MANY_FIELDS|''|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,,O-2,2",
            "MISSING_VALUE|customer_id|O-1,1, ,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,",
            "BAD_NUMBER|quantity|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,two,10.00,1.60,USD,CARD,PENDING,",
            "BAD_NUMBER|unit_price|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,\"1,000.00\",1.60,USD,CARD,PENDING,",
            "BAD_NUMBER|unit_price|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,+10,1.60,USD,CARD,PENDING,",
            "BAD_INSTANT|placed_at|O-1,1,C-1,2026-11-20 10:00,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,",
            "BAD_INSTANT|placed_at|O-1,1,C-1,2026-11-20T10:00:00,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,",
            "BAD_INSTANT|placed_at|O-1,1,C-1,2026-02-30T10:00:00Z,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,",
            "BAD_INSTANT|placed_at|O-1,1,C-1,2026-11-20T10:61:00Z,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,",
            "UNKNOWN_VALUE|payment_method|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.00,1.60,USD,card,PENDING,",
            "UNKNOWN_CURRENCY|currency|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.00,1.60,CHF,CARD,PENDING,",
            "OUT_OF_RANGE|line_no|O-1,0,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,",
            "OUT_OF_RANGE|tax|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.00,-1.60,USD,CARD,PENDING,",
            "TOO_MANY_DECIMALS|unit_price|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.005,1.60,USD,CARD,PENDING,",
            "TOO_MANY_DECIMALS|tax|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,1000,1.50,JPY,CARD,PENDING,",
            "MISSING_WHEN_REQUIRED|shipped_at|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,SHIPPED,",
            "OUT_OF_RANGE|unit_price|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,-0.00,1.60,USD,CARD,PENDING,",
            "OUT_OF_RANGE|unit_price|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,1000000000000000000,0,USD,CARD,PENDING,",
            "OUT_OF_RANGE|quantity|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,1000000000,10.00,1.60,USD,CARD,PENDING,",
            "BAD_NUMBER|unit_price|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,5.,1.60,USD,CARD,PENDING,",
            "BAD_NUMBER|unit_price|O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,.5,1.60,USD,CARD,PENDING,",
            "BAD_TEXT|sku|O-1,1,C-1,2026-11-20T10:00:00Z,SKU\u0000,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,",
    })
    void eachRejectReasonNamesItsColumn(RejectReason reason, String field, String row) {
        RowRejected rejected = orderRejected(row);
        assertThat(rejected).isNotNull();
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.field()).isEqualTo(field);
    }

    @Test
    void aRowWithMoreFieldsThanTheHeader_isRejected_evenWhenTheExtraColumnsAreNamed() {
        // the header has an extra column (ignored); the row has one field more than that
        RowRejected rejected = catchThrowableOfType(RowRejected.class, () -> parse(InputFile.REFUNDS,
                REFUNDS_HEADER + ",note", "T-1,O-1,R-1,ORIGINAL_PAYMENT,5.00,USD,SETTLED,2026-11-20T13:00:00Z,"
                        + "2026-11-20T14:00:00Z,x,T-2"));
        assertThat(rejected.reason()).isEqualTo(RejectReason.TOO_MANY_FIELDS);
        assertThat(rejected.getMessage()).isEqualTo("11 fields where the header has 10");
    }

    /** BOM, no-break spaces, zero-width and other format characters, a supplementary tag, NEL, tab. */
    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"FEFF", "00A0", "200B", "200C", "200D", "2060", "2007", "202F", "3000", "00AD", "180E", "2028",
            "0085", "FE0F", "3164", "E0001", "E0020"})
    void invisibleCharactersAtEitherEnd_areTrimmed_andAValueOfOnlyThem_isMissing(String hex) throws IOException {
        String c = Character.toString(Integer.parseInt(hex, 16));
        OrderLine line = (OrderLine) parse(InputFile.ORDERS, ORDERS_HEADER, c + "O-1" + c + c + ",1" + c + ",C-1,"
                + "2026-11-20T10:00:00Z,SKU-1,DEFAULT,2," + c + "10.00,1.60,USD" + c + "," + c + "CARD,PENDING," + c);
        assertThat(line.orderId()).isEqualTo("O-1");
        assertThat(line.currency()).isEqualTo("USD");
        assertThat(line.unitPrice()).isEqualByComparingTo("10.00");
        assertThat(orderRejected(c + c + ",1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,")
                .reason()).isEqualTo(RejectReason.MISSING_VALUE);
        RowRejected noNumber = catchThrowableOfType(RowRejected.class, () -> parse(InputFile.CANCELLATIONS,
                CANCELLATIONS_HEADER, "R-1,O-1,,C-1,2026-11-20T12:00:00Z,WEBSITE,,CONFIRMED," + c + ","
                        + "2026-11-20T12:05:00Z"));
        assertThat(noNumber.reason()).isEqualTo(RejectReason.MISSING_WHEN_REQUIRED);
        assertThat(noNumber.field()).isEqualTo("confirmation_number");
    }

    @Test
    void invisibleCharactersInsideAValue_andAroundTheFreeTextReason_areKept() throws IOException {
        CancellationRequest request = (CancellationRequest) parse(InputFile.CANCELLATIONS, CANCELLATIONS_HEADER,
                "R\u200B-1,O-1,,C-1,2026-11-20T12:00:00Z,WEBSITE,\u00A0why\uFEFF,REQUESTED,,");
        assertThat(request.requestId()).isEqualTo("R\u200B-1");
        assertThat(request.reason()).isEqualTo("\u00A0why\uFEFF");
    }

    @Test
    void visibleCharactersOutsideAscii_areNotTrimmed() throws IOException {
        OrderLine line = (OrderLine) parse(InputFile.ORDERS, ORDERS_HEADER,
                "é-1ü,1,日本,2026-11-20T10:00:00Z,\u2800SKU-1\u0301,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,");
        assertThat(line.orderId()).isEqualTo("é-1ü");
        assertThat(line.customerId()).isEqualTo("日本");
        assertThat(line.sku()).as("a braille blank and a combining accent are characters").isEqualTo("\u2800SKU-1\u0301");
    }

    @ParameterizedTest
    @CsvSource({"2026-11-20T10:00:00Z", "2026-11-20T10:00:00+00:00", "2026-11-20T05:00:00-05:00",
            "2026-11-20T10:00:00.999Z", "2026-11-20T10:00Z", "2026-11-20T15:30:00+05:30",
            "2026-11-20T05:00:00.123456789-05:00", "2026-11-20T10:00:00-00:00", "2026-11-21T04:00:00+18:00",
            // shapes java.time's ISO_OFFSET_DATE_TIME also accepts (case-insensitive, lenient offset)
            "2026-11-20t10:00:00z", "2026-11-20T15:00:00+05", "2026-11-20T15:00:30+05:00:30"})
    void everyInstantShapeMeansTheSameInstant(String placedAt) throws IOException {
        OrderLine line = (OrderLine) parse(InputFile.ORDERS, ORDERS_HEADER,
                "O-1,1,C-1," + placedAt + ",SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,");
        assertThat(line.placedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({"2026-02-29T10:00:00Z", "2026-02-30T10:00:00-05:00", "2026-04-31T10:00:00Z", "2026-11-20T24:00:00Z",
            "2026-11-20T24:00Z", "2026-11-20T23:59:60Z", "2016-12-31T23:59:60Z", "2026-11-20T10:60:00+01:00",
            "2026-11-20T10:00:00+18:01", "2026-11-20T10:00:00+05:60", "2026-11-20T10:00:00+0530",
            "2026-11-20T10:00:00.1234567890Z", "2026-11-20T10:00:00", "2026-11-20T10:00:00Z[UTC]"})
    void impossibleOrMalformedInstants_areBadInstants(String placedAt) {
        RowRejected rejected = orderRejected("O-1,1,C-1," + placedAt + ",SKU-1,DEFAULT,2,10.00,1.60,USD,CARD,PENDING,");
        assertThat(rejected.reason()).isEqualTo(RejectReason.BAD_INSTANT);
        assertThat(rejected.getMessage())
                .isEqualTo("placed_at: '" + placedAt + "' is not an ISO-8601 instant with an offset");
    }

    @ParameterizedTest
    @CsvSource({"10.00", "0", "0.00", "00010.50", "7", "1200.1", "999999999999999999", "999999999999999999.99",
            "000000000000000000000012.50", "0.01"})
    void amountsKeepTheirValueAndScaleAsWritten(String unitPrice) throws IOException {
        OrderLine line = (OrderLine) parse(InputFile.ORDERS, ORDERS_HEADER.replace("currency", "extra,currency"),
                "O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2," + unitPrice + ",0,x,USD,CARD,PENDING,");
        assertThat(line.unitPrice()).isEqualTo(new BigDecimal(unitPrice));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "BAD_NUMBER|'1e5' is not a plain decimal amount|1e5",
            "BAD_NUMBER|'1.2.3' is not a plain decimal amount|1.2.3",
            "BAD_NUMBER|'--1' is not a plain decimal amount|--1",
            "BAD_NUMBER|'-' is not a plain decimal amount|-",
            "BAD_NUMBER|'-.5' is not a plain decimal amount|-.5",
            "BAD_NUMBER|'١' is not a plain decimal amount|١",
            "OUT_OF_RANGE|must not be negative|-0",
            "OUT_OF_RANGE|must not be negative|-12345678901234567890.5",
            "OUT_OF_RANGE|'1000000000000000000.00' is too large|1000000000000000000.00",
            "OUT_OF_RANGE|'0001000000000000000000' is too large|0001000000000000000000",
            "TOO_MANY_DECIMALS|more than 2 decimals for USD|999999999999999999.999",
    })
    void amountRejects_withTheirMessages(RejectReason reason, String message, String unitPrice) {
        RowRejected rejected = orderRejected(
                "O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,2," + unitPrice + ",1.60,USD,CARD,PENDING,");
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.getMessage()).isEqualTo("unit_price: " + message);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "BAD_NUMBER|'1.0' is not a whole number|1.0",
            "BAD_NUMBER|'+1' is not a whole number|+1",
            "BAD_NUMBER|'-1' is not a whole number|-1",
            "BAD_NUMBER|'١' is not a whole number|١",
            "OUT_OF_RANGE|must be at least 1|0",
            "OUT_OF_RANGE|must be at least 1|0000000000000",
            "OUT_OF_RANGE|'1000000000' is too large|1000000000",
            "OUT_OF_RANGE|'99999999999999999999' is too large|99999999999999999999",
    })
    void quantityRejects_withTheirMessages(RejectReason reason, String message, String quantity) {
        RowRejected rejected = orderRejected(
                "O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT," + quantity + ",10.00,1.60,USD,CARD,PENDING,");
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.getMessage()).isEqualTo("quantity: " + message);
    }

    @Test
    void theLargestQuantity_withLeadingZeros() throws IOException {
        OrderLine line = (OrderLine) parse(InputFile.ORDERS, ORDERS_HEADER,
                "O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,000999999999,10.00,1.60,USD,CARD,PENDING,");
        assertThat(line.quantity()).isEqualTo(999_999_999);
    }

    @Test
    void leadingZerosAreAllowed() throws IOException {
        OrderLine line = (OrderLine) parse(InputFile.ORDERS, ORDERS_HEADER,
                "O-1,0000000001,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,02,0010.00,1.60,USD,CARD,PENDING,");
        assertThat(line.lineNo()).isEqualTo(1);
        assertThat(line.quantity()).isEqualTo(2);
    }

    @Test
    void aNulCharacterInTheFreeTextReason_isRejected() {
        RowRejected rejected = catchThrowableOfType(RowRejected.class, () -> parse(InputFile.CANCELLATIONS,
                CANCELLATIONS_HEADER, "R-1,O-1,,C-1,2026-11-20T12:00:00Z,WEBSITE,bad\u0000text,REQUESTED,,"));
        assertThat(rejected.reason()).isEqualTo(RejectReason.BAD_TEXT);
        assertThat(rejected.field()).isEqualTo("reason");
    }

    @Test
    void theFirstFailingColumnInTableOrderIsReported() {
        // quantity (column 7) and currency (column 10) are both bad: quantity is reported
        assertThat(orderRejected("O-1,1,C-1,2026-11-20T10:00:00Z,SKU-1,DEFAULT,x,10.00,1.60,XXX,CARD,PENDING,")
                .field()).isEqualTo("quantity");
    }

    @Test
    void aCancellationRequest_withFreeTextReasonKeptAsWritten() throws IOException {
        CancellationRequest request = (CancellationRequest) parse(InputFile.CANCELLATIONS, CANCELLATIONS_HEADER,
                "R-1,O-1,,C-1,2026-11-20T12:00:00Z,WEBSITE,\" changed, my \"\"mind\"\"\",REQUESTED,,");
        assertThat(request.lineNo()).isNull();
        assertThat(request.reason()).isEqualTo(" changed, my \"mind\"");
    }

    @Test
    void aConfirmedRequest_needsAConfirmationNumberAndADecisionTime() {
        RowRejected noNumber = catchThrowableOfType(RowRejected.class, () -> parse(InputFile.CANCELLATIONS,
                CANCELLATIONS_HEADER, "R-1,O-1,,C-1,2026-11-20T12:00:00Z,WEBSITE,,CONFIRMED,,2026-11-20T12:05:00Z"));
        assertThat(noNumber.reason()).isEqualTo(RejectReason.MISSING_WHEN_REQUIRED);
        assertThat(noNumber.field()).isEqualTo("confirmation_number");
        RowRejected noDecision = catchThrowableOfType(RowRejected.class, () -> parse(InputFile.CANCELLATIONS,
                CANCELLATIONS_HEADER, "R-1,O-1,,C-1,2026-11-20T12:00:00Z,WEBSITE,,REJECTED,,"));
        assertThat(noDecision.field()).isEqualTo("decided_at");
    }

    @Test
    void aRefundAmountMustBePositive_andSettledNeedsSettledAt() {
        RowRejected zero = catchThrowableOfType(RowRejected.class, () -> parse(InputFile.REFUNDS, REFUNDS_HEADER,
                "T-1,O-1,R-1,ORIGINAL_PAYMENT,0.00,USD,PENDING,2026-11-20T13:00:00Z,"));
        assertThat(zero.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        RowRejected settled = catchThrowableOfType(RowRejected.class, () -> parse(InputFile.REFUNDS, REFUNDS_HEADER,
                "T-1,O-1,R-1,ORIGINAL_PAYMENT,5.00,USD,SETTLED,2026-11-20T13:00:00Z,"));
        assertThat(settled.reason()).isEqualTo(RejectReason.MISSING_WHEN_REQUIRED);
        assertThat(settled.field()).isEqualTo("settled_at");
    }

    @Test
    void aRefundWithoutRequestId_isAccepted() throws IOException {
        RefundTxn refund = (RefundTxn) parse(InputFile.REFUNDS, REFUNDS_HEADER,
                "T-1,O-1,,ACCOUNT_CREDIT,5,USD,PENDING,2026-11-20T13:00:00.750Z,");
        assertThat(refund.requestId()).isNull();
        assertThat(refund.createdAt()).as("fractional seconds are dropped")
                .isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
    }
}
