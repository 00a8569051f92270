package com.retail.recon.receipt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * File names of receipts inside a bundle's {@code data/receipts/} folder.
 *
 * <p>A receipt is named {@code <confirmation_number>.pdf} when the confirmation number is a safe file name
 * (ASCII letters, digits, {@code -}, {@code _} and {@code .}, 1 to 100 characters, not starting with a dot, and
 * not a Windows device name such as {@code CON} or {@code com1.txt}: see {@link #isWindowsDeviceName}) and no other receipt of the folder has it, compared case-insensitively (so two receipts never collide on a
 * case-insensitive file system), nor has a receipt taken that name. Otherwise the name is derived from it:
 * {@code <prefix>-<hash>.pdf}, where {@code <hash>} is the first 12 hex digits of the SHA-256 of the
 * confirmation number's UTF-8 bytes and {@code <prefix>} is the confirmation number with every character
 * other than ASCII letters, digits, {@code -} and {@code _} replaced by {@code _} (runs of {@code _} collapsed),
 * without leading or trailing {@code -} and {@code _}, cut to 60 characters, or {@code receipt} when nothing is
 * left. If that name is taken too, {@code -2}, {@code -3}, ... is appended before {@code .pdf}.
 *
 * <p>So a name only ever holds ASCII letters, digits, {@code -}, {@code _} and {@code .}, never starts with a
 * dot, is never a Windows device name (a derived name has a {@code -} before its first dot), ends with
 * {@code .pdf} and has at most 104 characters (a safe confirmation number of 100, then {@code .pdf}); a derived
 * name has at most 77 (60 + 1 + 12 + 4), and with a counter {@code -n} as many more as it has characters.
 * The receipt itself always shows the original confirmation number.
 */
public final class ReceiptNames {

    static final int MAX_SAFE_LENGTH = 100;
    static final int PREFIX_LENGTH = 60;
    private static final String EXTENSION = ".pdf";
    /** The longest name: a safe confirmation number of 100 characters and {@code .pdf}. */
    static final int MAX_NAME_LENGTH = MAX_SAFE_LENGTH + EXTENSION.length();
    /** The longest derived name before a counter: prefix, {@code -}, 12 hex digits, {@code .pdf}. */
    static final int MAX_DERIVED_LENGTH = PREFIX_LENGTH + 1 + 12 + EXTENSION.length();

    private ReceiptNames() {
    }

    /**
     * The file name for a receipt, unique among {@code alreadyTaken} ignoring case. The caller adds the result
     * to {@code alreadyTaken} before asking for the next name. A set made by {@link #newTakenSet()} answers in
     * logarithmic time; any other set is searched one by one (case-insensitively).
     *
     * @param sharedWithAnotherReceipt whether another receipt of the folder has the same confirmation number
     *                                 (ignoring case, see {@link #sameNumber}): then neither is named after it
     */
    public static String fileName(String confirmationNumber, boolean sharedWithAnotherReceipt,
                                  Set<String> alreadyTaken) {
        String original = confirmationNumber == null ? "" : confirmationNumber;
        if (isSafe(original) && !sharedWithAnotherReceipt) {
            String name = original + EXTENSION;
            if (!isTaken(name, alreadyTaken)) {
                return name;
            }
        }
        String base = prefix(original) + "-" + sha256Prefix(original);
        String name = base + EXTENSION;
        for (int n = 2; isTaken(name, alreadyTaken); n++) {
            name = base + "-" + n + EXTENSION;
        }
        return name;
    }

    /**
     * What two confirmation numbers have in common when they would collide as names: ASCII letters in lower case,
     * everything else as it is (as {@link #sameNumberSql} folds them in the store, whatever its locale).
     */
    public static String sameNumber(String confirmationNumber) {
        if (confirmationNumber == null) {
            return "";
        }
        StringBuilder folded = new StringBuilder(confirmationNumber.length());
        for (int i = 0; i < confirmationNumber.length(); i++) {
            char c = confirmationNumber.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    /**
     * The SQL expression that folds {@code column} as {@link #sameNumber} does. SQL's LOWER would not do: it
     * follows the locale (H2) or the collation (PostgreSQL), which fold more than ASCII, and differently.
     */
    public static String sameNumberSql(String column) {
        return "TRANSLATE(" + column + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
    }

    /** A set for {@code alreadyTaken} that compares names ignoring case. */
    public static SortedSet<String> newTakenSet() {
        return new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    }

    static boolean isSafe(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_SAFE_LENGTH || s.charAt(0) == '.' || isWindowsDeviceName(s)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isSafeChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether Windows would open a device instead of a file: {@code CON}, {@code PRN}, {@code AUX}, {@code NUL},
     * {@code COM0}-{@code COM9}, {@code LPT0}-{@code LPT9} and {@code COM}/{@code LPT} with a superscript
     * 1, 2 or 3, in any case and with any extension ({@code nul.tar.gz}); Windows also ignores trailing spaces
     * and dots of the part before the extension.
     */
    static boolean isWindowsDeviceName(String name) {
        int end = name.indexOf('.');
        end = end < 0 ? name.length() : end;
        while (end > 0 && (name.charAt(end - 1) == ' ' || name.charAt(end - 1) == '.')) {
            end--;
        }
        if (end == 3) {
            return name.regionMatches(true, 0, "CON", 0, 3) || name.regionMatches(true, 0, "PRN", 0, 3)
                    || name.regionMatches(true, 0, "AUX", 0, 3) || name.regionMatches(true, 0, "NUL", 0, 3);
        }
        if (end == 4 && (name.regionMatches(true, 0, "COM", 0, 3) || name.regionMatches(true, 0, "LPT", 0, 3))) {
            char digit = name.charAt(3);
            return (digit >= '0' && digit <= '9') || digit == '\u00b9' || digit == '\u00b2' || digit == '\u00b3';
        }
        return false;
    }

    private static boolean isSafeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.';
    }

    private static String prefix(String original) {
        StringBuilder b = new StringBuilder(PREFIX_LENGTH + 1);
        int cp;
        for (int i = 0; i < original.length() && b.length() < PREFIX_LENGTH; i += Character.charCount(cp)) {
            cp = original.codePointAt(i);
            char c = cp < 0x80 && cp != '.' && isSafeChar((char) cp) ? (char) cp : '_';
            if (b.length() == 0 && (c == '-' || c == '_')) {
                continue;
            }
            if (c == '_' && b.charAt(b.length() - 1) == '_') {
                continue;
            }
            b.append(c);
        }
        int end = b.length();
        while (end > 0 && (b.charAt(end - 1) == '_' || b.charAt(end - 1) == '-')) {
            end--;
        }
        return end == 0 ? "receipt" : b.substring(0, end);
    }

    private static String sha256Prefix(String original) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(original.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTaken(String name, Set<String> taken) {
        if (taken == null || taken.isEmpty()) {
            return false;
        }
        if (taken.contains(name)) {
            return true;
        }
        if (taken instanceof SortedSet<String> sorted && isCaseInsensitive(sorted.comparator())) {
            return false;
        }
        for (String t : taken) {
            if (t != null && t.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCaseInsensitive(Comparator<? super String> comparator) {
        return comparator == String.CASE_INSENSITIVE_ORDER;
    }
}
