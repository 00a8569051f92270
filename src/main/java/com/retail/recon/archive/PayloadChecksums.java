package com.retail.recon.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * SHA-256 checksums of payload files taken from the bytes as they were written, so that {@link BagIt#make}
 * need not read those files back (for 100,000 receipts that was most of publishing a bundle).
 *
 * <p>A writer records a batch of files it has written completely in one file of the bag-to-be's hidden
 * folder {@value #FOLDER} (written under a temporary name and renamed, so it is whole or absent). Being in the
 * staging folder, the records survive a crash: a restarted run finds the batches it committed before, and a
 * batch written again writes the same names, sizes and checksums again. {@link BagIt#make} uses a record only
 * for a file of the size recorded (anything else is read and hashed as before), then removes the folder.
 */
public final class PayloadChecksums {

    /** Hidden folder of the staging bag; removed before the bag is complete. */
    public static final String FOLDER = ".payload-sha256";

    /** A payload file's checksum (lower-case hex) and size, as written. */
    public record Entry(String sha256, long size) {
    }

    private PayloadChecksums() {
    }

    /** SHA-256 of bytes, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records checksums of files of the bag that were written completely, under a batch name (a plain file
     * name; recording the same batch again replaces it).
     *
     * @param entries bag-relative paths ('/' separators) to their checksums
     */
    public static void record(Path bag, String batch, Map<String, Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder(entries.size() * 100);
        entries.forEach((path, entry) -> text.append(entry.sha256()).append(' ').append(entry.size()).append(' ')
                .append(BagIt.encode(path)).append('\n'));
        Path folder = Files.createDirectories(bag.resolve(FOLDER));
        Path temporary = folder.resolve(batch + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, folder.resolve(batch + ".txt"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every recorded checksum of the bag (none if nothing was recorded); malformed lines are ignored. */
    static Map<String, Entry> read(Path bag) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        Path folder = bag.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (DirectoryStream<Path> batches = Files.newDirectoryStream(folder, "*.txt")) {
            for (Path batch : batches) {
                for (String line : Files.readAllLines(batch, StandardCharsets.UTF_8)) {
                    int first = line.indexOf(' ');
                    int second = line.indexOf(' ', first + 1);
                    if (first == 64 && isLowerHex(line, 64) && second > first + 1 && second < line.length() - 1) {
                        long size = size(line.substring(first + 1, second));
                        if (size >= 0) {
                            entries.put(BagIt.decode(line.substring(second + 1)), new Entry(line.substring(0, 64), size));
                        }
                    }
                }
            }
        }
        return entries;
    }

    private static boolean isLowerHex(String text, int length) {
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static long size(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Removes the recorded checksums (the bag must not hold them). */
    static void discard(Path bag) throws IOException {
        Path folder = bag.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.toList();
        }
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(folder);
    }
}
