package com.retail.recon.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The small part of BagIt (RFC 8493) recon needs: make a folder whose payload is under {@code data/} into a
 * bag with SHA-256 manifests, and read a bag's files back for verification. (The Library of Congress
 * library is unmaintained and pulls a pre-release Jackson; the tests check our bags with it.)
 */
public final class BagIt {

    public static final String BAGIT_TXT = "bagit.txt";
    public static final String BAG_INFO_TXT = "bag-info.txt";
    public static final String MANIFEST = "manifest-sha256.txt";
    public static final String TAG_MANIFEST = "tagmanifest-sha256.txt";
    static final String DECLARATION = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

    private BagIt() {
    }

    /**
     * Writes bagit.txt, the payload manifest, bag-info.txt (the given fields plus Payload-Oxum) and the tag
     * manifest. Lines of the manifests are sorted by path, so that a bag's tag files depend only on its
     * contents and its bag-info fields. A payload file's checksum {@link PayloadChecksums recorded} when it was
     * written is used if the file still has the recorded size; every other file is read and hashed. The
     * recorded checksums are removed.
     *
     * @param info bag-info fields in order; a label may repeat (list values)
     */
    public static void make(Path bag, Map<String, List<String>> info) throws IOException {
        Map<String, PayloadChecksums.Entry> recorded = PayloadChecksums.read(bag);
        Map<String, String> payload = new LinkedHashMap<>();
        long octets = 0;
        for (Map.Entry<String, Long> file : payloadSizes(bag).entrySet()) {
            PayloadChecksums.Entry known = recorded.get(file.getKey());
            payload.put(file.getKey(), known != null && known.size() == file.getValue() ? known.sha256()
                    : sha256(bag.resolve(file.getKey())));
            octets += file.getValue();
        }
        PayloadChecksums.discard(bag);
        Files.writeString(bag.resolve(BAGIT_TXT), DECLARATION);
        Files.writeString(bag.resolve(MANIFEST), manifest(payload));
        Map<String, List<String>> fields = new LinkedHashMap<>(info);
        fields.put("Payload-Oxum", List.of(octets + "." + payload.size()));
        StringBuilder bagInfo = new StringBuilder();
        fields.forEach((label, values) -> values.forEach(value ->
                bagInfo.append(label).append(": ").append(value).append('\n')));
        Files.writeString(bag.resolve(BAG_INFO_TXT), bagInfo.toString());
        Files.writeString(bag.resolve(TAG_MANIFEST),
                manifest(checksums(bag, List.of(BAGIT_TXT, BAG_INFO_TXT, MANIFEST))));
    }

    /**
     * The payload files (every file under data/, as bag-relative paths with '/' separators) and their sizes, from
     * one walk. Anything but a regular file stops the bagging: verify would reject the bag, since it never reads
     * through a link nor opens a special file, and recon itself writes regular files only.
     */
    private static Map<String, Long> payloadSizes(Path bag) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        Path data = bag.resolve("data");
        if (!Files.isDirectory(data)) {
            return sizes;
        }
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!attributes.isRegularFile()) {
                    throw new IOException("cannot bag " + bag + ": " + relative(bag, file) + " is "
                            + (attributes.isSymbolicLink() ? "a symbolic link" : "a special file")
                            + ", not a regular file");
                }
                sizes.put(relative(bag, file), attributes.size());
                return FileVisitResult.CONTINUE;
            }
        });
        return sizes;
    }

    static String relative(Path bag, Path file) {
        return bag.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    static Map<String, String> checksums(Path bag, List<String> paths) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String path : paths) {
            sums.put(path, sha256(bag.resolve(path)));
        }
        return sums;
    }

    private static String manifest(Map<String, String> checksums) {
        StringBuilder text = new StringBuilder();
        checksums.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getValue()).append("  ").append(encode(e.getKey())).append('\n'));
        return text.toString();
    }

    /** RFC 8493 §2.1.3: in manifest paths, CR, LF and '%' are percent-encoded. */
    static String encode(String path) {
        return path.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D");
    }

    /** The inverse of {@link #encode}, in one pass ("%250A" is "%0A", not a line feed). */
    static String decode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            String code = c == '%' && i + 3 <= path.length()
                    ? path.substring(i + 1, i + 3).toUpperCase(java.util.Locale.ROOT) : "";
            switch (code) {
                case "0A" -> { out.append('\n'); i += 2; }
                case "0D" -> { out.append('\r'); i += 2; }
                case "25" -> { out.append('%'); i += 2; }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** bag-info.txt as label -> values (continuation lines are joined). */
    public static Map<String, List<String>> readInfo(Path bag) throws IOException {
        return parseInfo(Files.readAllLines(bag.resolve(BAG_INFO_TXT), StandardCharsets.UTF_8));
    }

    /** bag-info lines as label -> values: "Label: value", a line starting with a blank continues the value. */
    static Map<String, List<String>> parseInfo(List<String> lines) {
        Map<String, List<String>> info = new LinkedHashMap<>();
        String label = null;
        for (String line : lines) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && label != null) {
                List<String> values = info.get(label);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                label = line.substring(0, colon).trim();
                info.computeIfAbsent(label, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
        }
        return info;
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
