package com.retail.recon.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.util.DateConverter;

/**
 * What makes a PDFBox document PDF/A-2b, done cheaply and deterministically:
 * <ul>
 * <li>the document information (title, creator and producer "recon", creation and modification date) and
 * XMP metadata that says the same, plus the PDF/A identification (part 2, conformance B). The XMP is filled
 * into a fixed template rather than serialized by xmpbox (which builds XML factories per document);</li>
 * <li>an output intent with the JDK's sRGB ICC profile, deflated once per JVM and copied into each
 * document as an already-encoded stream;</li>
 * <li>a trailer {@code /ID} given by the caller (a hash of the document's data), so that the same data
 * gives the same bytes. PDFBox would otherwise derive one from the clock.</li>
 * </ul>
 * All dates come from the caller (the data), never from the clock. Stateless and thread-safe.
 */
public final class PdfA {

    public static final String PRODUCER = "recon";

    private static final String XMP_TEMPLATE = """
            <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
               <dc:format>application/pdf</dc:format>
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">@TITLE@</rdf:li></rdf:Alt></dc:title>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
               <xmp:CreatorTool>recon</xmp:CreatorTool>
               <xmp:CreateDate>@DATE@</xmp:CreateDate>
               <xmp:ModifyDate>@DATE@</xmp:ModifyDate>
               <xmp:MetadataDate>@DATE@</xmp:MetadataDate>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
               <pdf:Producer>recon</pdf:Producer>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
               <pdfaid:part>2</pdfaid:part>
               <pdfaid:conformance>B</pdfaid:conformance>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>""";

    private static final int TITLE_AT = XMP_TEMPLATE.indexOf("@TITLE@");

    private static final byte[] SRGB_DEFLATED = deflate(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());

    /** A document date in both forms, kept because every receipt of a night has the same one. */
    private record DocumentDate(Instant seconds, String pdf, String xmp) {
        static DocumentDate of(Instant date) {
            Instant seconds = Instant.ofEpochSecond(date.getEpochSecond());
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            calendar.setTimeInMillis(seconds.toEpochMilli());
            return new DocumentDate(seconds, DateConverter.toString(calendar), seconds.toString());
        }
    }

    private static volatile DocumentDate lastDate = DocumentDate.of(Instant.EPOCH);

    private PdfA() {
    }

    /**
     * Sets the document information, XMP metadata, PDF version and sRGB output intent of a new document.
     * The title is reduced to characters XML can hold (others become U+FFFD) in both places, so they agree.
     */
    public static void setUp(PDDocument document, String title, Instant date) {
        String safeTitle = xmlSafe(title);
        DocumentDate when = lastDate;
        if (when.seconds().getEpochSecond() != date.getEpochSecond()) {
            when = DocumentDate.of(date);
            lastDate = when;
        }

        document.setVersion(1.7f);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(safeTitle);
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        // what setCreationDate and setModificationDate store, formatted once
        info.getCOSObject().setString(COSName.CREATION_DATE, when.pdf());
        info.getCOSObject().setString(COSName.MOD_DATE, when.pdf());

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        String xmp = XMP_TEMPLATE.substring(0, TITLE_AT) + escape(safeTitle)
                + XMP_TEMPLATE.substring(TITLE_AT + "@TITLE@".length()).replace("@DATE@", when.xmp());
        PDMetadata metadata = new PDMetadata(document);
        try (OutputStream out = metadata.getCOSObject().createRawOutputStream()) {
            out.write(xmp.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        metadata.getCOSObject().setItem(COSName.TYPE, COSName.METADATA);
        metadata.getCOSObject().setItem(COSName.SUBTYPE, COSName.getPDFName("XML"));
        catalog.setMetadata(metadata);

        COSStream profile = document.getDocument().createCOSStream();
        profile.setInt(COSName.N, 3);
        profile.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        try (OutputStream out = profile.createRawOutputStream()) {
            out.write(SRGB_DEFLATED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        COSDictionary intent = new COSDictionary();
        intent.setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
        intent.setItem(COSName.S, COSName.GTS_PDFA1);
        intent.setString(COSName.OUTPUT_CONDITION_IDENTIFIER, "sRGB IEC61966-2.1");
        intent.setString(COSName.INFO, "sRGB IEC61966-2.1");
        intent.setString(COSName.REGISTRY_NAME, "http://www.color.org");
        intent.setItem(COSName.DEST_OUTPUT_PROFILE, profile);
        catalog.addOutputIntent(new PDOutputIntent(intent));
    }

    /**
     * Sets the trailer /ID (both halves) from the first 16 bytes of the given hash, saves and closes. The
     * document is written by {@link PdfWriter} (what PDFBox's compressed save writes, cheaper), so its fonts
     * must be embedded already, as {@link PdfCanvas#finish} embeds them: PDFBox's own font subsetting on save
     * does not run.
     */
    public static byte[] save(PDDocument document, byte[] hash) {
        try (document) {
            byte[] id = Arrays.copyOf(hash, 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            return PdfWriter.write(document.getDocument());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Control characters (which XML cannot hold or would normalize), unpaired surrogates and non-characters become U+FFFD. */
    static String xmlSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int cp;
        for (int i = 0; i < text.length(); i += Character.charCount(cp)) {
            cp = text.codePointAt(i);
            boolean ok = !Character.isISOControl(cp) && !Character.isSurrogate((char) cp)
                    && cp != 0xFFFE && cp != 0xFFFF;
            out.appendCodePoint(ok ? cp : 0xFFFD);
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
