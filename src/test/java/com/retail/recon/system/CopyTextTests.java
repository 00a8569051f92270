package com.retail.recon.system;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextTests {

    @Test
    void fieldsAreTabSeparated_rowsEndWithALineFeed_andNullIsBackslashN() {
        CopyText text = new CopyText(16);
        text.field(LocalDate.of(2026, 11, 20)).field(7L).field(3).field(new BigDecimal("10.50")).field(null)
                .field(true).field("").endRow();
        text.field("b").endRow();

        assertThat(text.text().toString()).isEqualTo("2026-11-20\t7\t3\t10.50\t\\N\tt\t\nb\n");
    }

    @Test
    void backslashTabLineFeedAndCarriageReturn_areEscaped_insideText() {
        CopyText text = new CopyText(16);
        text.field("a\\N\tb\nc\rd \"e\", \\.").field("\\N").field("\r").endRow();

        assertThat(text.text().toString()).isEqualTo("a\\\\N\\tb\\nc\\rd \"e\", \\\\.\t\\\\N\t\\r\n");
    }
}
