package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Columns are found by name: each must have one, and no two the same; names are trimmed as values are. */
class CsvHeaderTests {

    private static final String REFUNDS = "txn_id,order_id,request_id,method,amount,currency,status,created_at,"
            + "settled_at";

    private static CsvHeader header(String line) {
        return CsvHeader.of(InputFile.REFUNDS, new CsvRecord(1, line.split(",", -1), line));
    }

    @Test
    void aColumnNamedTwice_isAWholeFileProblem_evenAnUnknownOne() {
        assertThatThrownBy(() -> header(REFUNDS + ",amount"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("refunds.csv line 1: columns 5 and 10 of the header are both named amount; which one "
                        + "holds the values would be a guess");
        assertThatThrownBy(() -> header(REFUNDS + ",note,note"))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("columns 10 and 11 of the header are both named note");
    }

    @ParameterizedTest
    @ValueSource(strings = {" amount", "amount\t", "\uFEFFamount", "amount\u00A0", "\u200Bamount\u200D", "Amount",
            "AMOUNT "})
    void namesThatDifferOnlyInCaseOrInvisibleCharactersAtTheirEnds_areTheSameName(String twin) {
        assertThatThrownBy(() -> header(REFUNDS + "," + twin))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("refunds.csv line 1: columns 5 and 10 of the header are both named amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\u200B", "\uFEFF\u00A0"})
    void aColumnWithoutAName_isAWholeFileProblem(String name) {
        assertThatThrownBy(() -> header("txn_id,order_id," + name + ",request_id,method,amount,currency,status,"
                + "created_at,settled_at"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("refunds.csv line 1: column 3 of the header has no name");
    }

    @Test
    void aNameWithInvisibleCharactersAtItsEnds_findsItsColumn() {
        // a second byte-order mark (the reader drops only the file's first), a no-break space
        CsvHeader header = header("\uFEFFtxn_id,order_id\u00A0,request_id,method,amount,currency,status,created_at,"
                + "settled_at\u200B");
        assertThat(header.indexOf("txn_id")).isZero();
        assertThat(header.indexOf("order_id")).isEqualTo(1);
        assertThat(header.indexOf("settled_at")).isEqualTo(8);
    }
}
