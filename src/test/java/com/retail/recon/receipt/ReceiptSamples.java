package com.retail.recon.receipt;

import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Receipts used by the tests and the benchmark. */
public final class ReceiptSamples {

    private static final Currencies CURRENCIES = Currencies.defaults();

    private ReceiptSamples() {
    }

    static Money money(String currency, String amount) {
        return CURRENCIES.money(currency, new BigDecimal(amount));
    }

    /** A typical receipt: 3 lines, 2 transactions (a refund to the card and an account credit). */
    public static ReceiptData typical(int n) {
        String suffix = String.format("%06d", n);
        return new ReceiptData(LocalDate.of(2026, 11, 25), "CNF-2B9E04" + suffix, "CR-20261125-" + suffix,
                "112-7302958-" + suffix, "C-30881", Instant.parse("2026-11-25T08:05:00Z"),
                Instant.parse("2026-11-25T08:30:00Z"),
                List.of(new ReceiptData.Line(1, "SKU-KETTLE-1.7L-STEEL", 1, money("EUR", "39.90"),
                        money("EUR", "7.58"), money("EUR", "0.00")),
                        new ReceiptData.Line(2, "SKU-MUG-SET-4", 2, money("EUR", "12.49"), money("EUR", "2.37"),
                                money("EUR", "0.00")),
                        new ReceiptData.Line(3, "SKU-SOFA-3SEAT-GREY", 1, money("EUR", "899.00"),
                                money("EUR", "170.81"), money("EUR", "134.85"))),
                money("EUR", "1011.60"),
                List.of(new ReceiptData.Transaction("TX-20261125-" + suffix, "ORIGINAL_PAYMENT", "SETTLED",
                        money("EUR", "1000.00"), Instant.parse("2026-11-25T10:00:00Z"),
                        Instant.parse("2026-11-25T16:45:00Z")),
                        new ReceiptData.Transaction("TX-20261125-" + suffix + "-2", "ACCOUNT_CREDIT", "SETTLED",
                                money("EUR", "11.60"), Instant.parse("2026-11-25T10:05:00Z"),
                                Instant.parse("2026-11-25T10:06:00Z"))));
    }

    /** Japanese confirmation number, German umlauts, a JPY order. */
    public static ReceiptData japanese() {
        return new ReceiptData(LocalDate.of(2026, 11, 25), "注文-確認-0001", "CR-ÄÖÜ-äöüß", "112-5517382-0094261",
                "Kunde Jürgen Müller-Lüdenscheidt", Instant.parse("2026-11-20T04:02:00Z"),
                Instant.parse("2026-11-20T05:10:00Z"),
                List.of(new ReceiptData.Line(1, "抹茶セット-グリューン", 2, money("JPY", "3278"), money("JPY", "328"),
                        money("JPY", "0"))),
                money("JPY", "6556"),
                List.of(new ReceiptData.Transaction("TX-5002", "ACCOUNT_CREDIT", "SETTLED", money("JPY", "6556"),
                        Instant.parse("2026-11-20T06:30:00Z"), Instant.parse("2026-11-25T09:00:00Z"))));
    }

    /**
     * Greek, Cyrillic, Polish, Vietnamese, Chinese and Japanese: all three fonts in one document. The order id
     * ends with simplified-only Chinese and Korean, which IPAGothic (JIS X 0213) lacks.
     */
    public static ReceiptData mixedScripts() {
        return new ReceiptData(LocalDate.of(2026, 11, 25), "ΑΒΓ-Жук-Łódź-注文", "CR-Tiếng-Việt", "O-中文-订单-한국",
                "C-Ελληνικά-Кириллица", Instant.parse("2026-11-25T08:05:00Z"), Instant.parse("2026-11-25T08:06:00Z"),
                List.of(new ReceiptData.Line(1, "SKU-Ærø-Øre-€-№", 1, money("EUR", "10.00"),
                        money("EUR", "1.90"), money("EUR", "0.00"))),
                money("EUR", "11.90"), List.of());
    }

    /** Characters no font has (control characters, emoji, unpaired surrogate, NUL), long values. */
    public static ReceiptData hostile() {
        String longValue = "X".repeat(120) + " " + "very-long-value-".repeat(20);
        return new ReceiptData(LocalDate.of(2026, 11, 25), "CNF\u0000\t\u0007-😀-\uD800-x", "../../etc/passwd",
                longValue, "C-\u202E-rtl-\u200B", Instant.parse("2026-11-25T08:05:00Z"), null,
                List.of(new ReceiptData.Line(1, longValue, 999_999_999, money("USD", "123456789012345678.99"),
                        money("USD", "0.01"), money("USD", "0.00"))),
                money("USD", "123456789012345678.99"),
                List.of(new ReceiptData.Transaction(longValue, "SOMETHING_ELSE", "PENDING", money("USD", "5.00"),
                        Instant.parse("2026-11-25T10:00:00Z"), null)));
    }

    /** No lines and no transactions (an ORDER_NOT_FOUND-like corner), nulls where allowed. */
    public static ReceiptData empty() {
        return new ReceiptData(LocalDate.of(2026, 11, 25), "CNF-EMPTY", "CR-1", "O-1", "C-1",
                Instant.parse("2026-11-25T08:05:00Z"), null, List.of(), money("GBP", "0.00"), List.of());
    }

    /** 150 lines and 40 transactions: several pages. */
    public static ReceiptData manyLines() {
        List<ReceiptData.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            lines.add(new ReceiptData.Line(i, "SKU-" + i, i, money("CAD", i + ".25"), money("CAD", "0.50"),
                    money("CAD", "0.00")));
        }
        List<ReceiptData.Transaction> txns = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            txns.add(new ReceiptData.Transaction("TX-" + i, i % 2 == 0 ? "ACCOUNT_CREDIT" : "ORIGINAL_PAYMENT",
                    "SETTLED", money("CAD", i + ".00"), Instant.parse("2026-11-25T10:00:00Z"),
                    Instant.parse("2026-11-25T11:00:00Z")));
        }
        return new ReceiptData(LocalDate.of(2026, 11, 25), "CNF-MANY", "CR-MANY", "O-MANY", "C-MANY",
                Instant.parse("2026-11-25T08:05:00Z"), Instant.parse("2026-11-25T08:06:00Z"), lines,
                money("CAD", "12345.00"), txns);
    }
}
