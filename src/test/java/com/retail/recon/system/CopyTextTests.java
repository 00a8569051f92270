package com.retail.recon.system;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextTests {

    @Test
    void fieldsAreTabSeparated_rowsEndWithALineFeed_andNullIsBackslashN() {
        CopyText text = new CopyText(16);
        text.field("2026-11-20").field(7L).field(3).field(new BigDecimal("10.50")).nullField()
                .field(true).field("").endRow();
        text.field("b").field(false).endRow();

        assertThat(text.text().toString()).isEqualTo("2026-11-20\t7\t3\t10.50\t\\N\tt\t\nb\tf\n");
    }

    @Test
    void nullTextAndNullDecimals_areNull_andDecimalsAreWrittenOutInFull() {
        CopyText text = new CopyText(16);
        text.field((String) null).field((BigDecimal) null).field(new BigDecimal("1E+3")).field(-1L).endRow();

        assertThat(text.text().toString()).isEqualTo("\\N\t\\N\t1000\t-1\n");
    }

    @Test
    void backslashTabLineFeedAndCarriageReturn_areEscaped_insideText() {
        CopyText text = new CopyText(16);
        text.field("a\\N\tb\nc\rd \"e\", \\.").field("\\N").field("\r").endRow();

        assertThat(text.text().toString()).isEqualTo("a\\\\N\\tb\\nc\\rd \"e\", \\\\.\t\\\\N\t\\r\n");
    }
}
