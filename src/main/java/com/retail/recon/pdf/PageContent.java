package com.retail.recon.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.Locale;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.util.NumberFormatUtil;

/**
 * One page's content stream being written: operators and operands into a growing byte array, formatted as
 * PDFBox's {@code PDPageContentStream} formats them (numbers with at most 5 fraction digits, one operator per
 * line, strings as {@link COSWriter#writeString(byte[], OutputStream)} writes them). Text arrives already
 * encoded (glyph ids), so nothing here looks at fonts. Used by one thread.
 */
final class PageContent extends Bytes {

    private static final int FRACTION_DIGITS = 5;

    private final byte[] number = new byte[32];
    private NumberFormat slowFormat;

    PageContent() {
        super(4096);
    }

    /** A number operand and the space after it. */
    PageContent operand(float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(value + " is not a finite number");
        }
        int n = NumberFormatUtil.formatFloatFast(value, FRACTION_DIGITS, number);
        if (n < 0) {
            if (slowFormat == null) {
                slowFormat = NumberFormat.getNumberInstance(Locale.US);
                slowFormat.setMaximumFractionDigits(FRACTION_DIGITS);
                slowFormat.setGroupingUsed(false);
            }
            ascii(slowFormat.format(value));
        } else {
            write(number, 0, n);
        }
        write(' ');
        return this;
    }

    /** A name operand and the space after it. */
    PageContent operand(COSName name) {
        try {
            name.writePDF(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(' ');
        return this;
    }

    /** A string operand (a literal string, or a hex string if it has bytes a literal one should not hold). */
    PageContent string(byte[] value) {
        try {
            COSWriter.writeString(value, this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(' ');
        return this;
    }

    /** An operator and the line end after it. */
    void operator(String name) {
        ascii(name);
        write('\n');
    }

}
