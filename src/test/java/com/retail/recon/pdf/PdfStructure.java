package com.retail.recon.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Compares two PDF files object by object, as a reader sees them: from the trailer's /Root, /Info and /ID, every
 * dictionary, array and value, and every stream's dictionary (but /Length) and decoded data. Object numbers, the
 * file layout and how streams are compressed may differ.
 */
public final class PdfStructure {

    private PdfStructure() {
    }

    /** Null when the files hold the same objects, else the path to the first difference. */
    public static String difference(byte[] expected, byte[] actual) {
        try (PDDocument a = Loader.loadPDF(expected); PDDocument b = Loader.loadPDF(actual)) {
            COSDictionary ta = a.getDocument().getTrailer();
            COSDictionary tb = b.getDocument().getTrailer();
            Map<COSBase, COSBase> seen = new IdentityHashMap<>();
            for (COSName key : new COSName[] {COSName.ROOT, COSName.INFO, COSName.ID}) {
                String d = compare(ta.getItem(key), tb.getItem(key), "trailer/" + key.getName(), seen);
                if (d != null) {
                    return d;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String compare(COSBase x, COSBase y, String path, Map<COSBase, COSBase> seen) throws IOException {
        COSBase a = x instanceof COSObject o ? o.getObject() : x;
        COSBase b = y instanceof COSObject o ? o.getObject() : y;
        if (a == null || b == null) {
            return a == b ? null : path + ": " + a + " / " + b;
        }
        if (a.getClass() != b.getClass()) {
            return path + ": " + a.getClass().getSimpleName() + " / " + b.getClass().getSimpleName();
        }
        if (a instanceof COSDictionary da) {
            if (seen.get(a) == b) {
                return null;
            }
            seen.put(a, b);
            COSDictionary db = (COSDictionary) b;
            TreeSet<String> ka = keys(da);
            TreeSet<String> kb = keys(db);
            if (!ka.equals(kb)) {
                return path + ": keys " + ka + " / " + kb;
            }
            for (String key : ka) {
                COSName name = COSName.getPDFName(key);
                String d = compare(da.getItem(name), db.getItem(name), path + "/" + key, seen);
                if (d != null) {
                    return d;
                }
            }
            if (a instanceof COSStream sa) {
                byte[] pa = decoded(sa);
                byte[] pb = decoded((COSStream) b);
                if (!Arrays.equals(pa, pb)) {
                    return path + ": stream data differs (" + pa.length + " / " + pb.length + " bytes)";
                }
            }
            return null;
        }
        if (a instanceof COSArray aa) {
            COSArray ab = (COSArray) b;
            if (aa.size() != ab.size()) {
                return path + ": array size " + aa.size() + " / " + ab.size();
            }
            for (int i = 0; i < aa.size(); i++) {
                String d = compare(aa.get(i), ab.get(i), path + "[" + i + "]", seen);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof COSString sa) {
            return Arrays.equals(sa.getBytes(), ((COSString) b).getBytes()) ? null : path + ": " + a + " / " + b;
        }
        return Objects.equals(a, b) ? null : path + ": " + a + " / " + b;
    }

    private static TreeSet<String> keys(COSDictionary dictionary) {
        TreeSet<String> keys = new TreeSet<>();
        for (COSName key : dictionary.keySet()) {
            if (!(dictionary instanceof COSStream && COSName.LENGTH.equals(key))) {
                keys.add(key.getName());
            }
        }
        return keys;
    }

    private static byte[] decoded(COSStream stream) throws IOException {
        try (InputStream in = stream.createInputStream()) {
            return in.readAllBytes();
        }
    }
}
