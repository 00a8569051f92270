package com.retail.recon.archive;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a bag (RFC 8493) against its manifests and reports every problem, one per file or manifest line.
 * Every payload manifest ({@code manifest-<algorithm>.txt}) and every tag manifest ({@code
 * tagmanifest-<algorithm>.txt}) is checked: each file it lists present with that checksum, each line well formed
 * and naming a file inside the bag, no file listed twice. Every payload file must be listed in every payload
 * manifest, every tag file (but the tag manifests) in every tag manifest. bagit.txt must declare BagIt 1.0 in
 * UTF-8, and bag-info's Payload-Oxum must match the payload.
 *
 * <p>Nothing but a regular file is ever opened: the bag is walked without following symbolic links, and a
 * symbolic link, named pipe, device or socket anywhere in it is a problem of its own (a payload file replaced by
 * a link to an identical file elsewhere is not that file). The bag's own path may be spelled any way (relative,
 * with {@code .} or {@code ..}, through symbolic links): it is checked at its real path.
 */
public final class BagVerifier {

    public enum Kind { NOT_A_BAG, MISSING, ALTERED, EXTRA, NOT_REGULAR, MALFORMED, UNSUPPORTED, UNREADABLE, BAD_OXUM }

    /** One problem, printed as one line: its kind, the bag-relative file it is about, and what is wrong. */
    public record Problem(Kind kind, String path, String detail) {
        @Override
        public String toString() {
            return kind + " " + printable(path) + (detail.isEmpty() ? "" : ": " + printable(detail));
        }
    }

    /** The problems found, and what an intact bag holds: its payload files and payload manifests. */
    public record Report(List<Problem> problems, int payloadFiles, List<String> payloadManifests) {
    }

    /** The algorithms of manifest names (RFC 8493 §2.4) that recon checks, as the JDK names them. */
    static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224",
            "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");

    private static final Pattern MANIFEST = Pattern.compile("(tag)?manifest-(.*)\\.txt");
    private static final String BAGIT_LINE_1 = "BagIt-Version: 1.0";
    private static final String BAGIT_LINE_2 = "Tag-File-Character-Encoding: UTF-8";

    private BagVerifier() {
    }

    public static List<Problem> verify(Path bag) throws IOException {
        return check(bag).problems();
    }

    public static Report check(Path given) throws IOException {
        Path bag;
        try {
            // its real path: "." normalises to "" (which no file path starts with), and ".." after a symbolic
            // link climbs from where the link points, not from the link
            bag = given.toRealPath();
        } catch (NoSuchFileException e) {
            return notABag(given, "no such folder");
        }
        if (!Files.isDirectory(bag, LinkOption.NOFOLLOW_LINKS)) {
            return notABag(given, "not a folder");
        }
        return new Check(bag).run();
    }

    private static Report notABag(Path given, String why) {
        return new Report(List.of(new Problem(Kind.NOT_A_BAG, given.toString(), why)), 0, List.of());
    }

    /** What the walk found at a bag-relative path, as the entry itself is (links are not followed). */
    private record Entry(Path path, BasicFileAttributes attributes) {
        boolean regular() {
            return attributes.isRegularFile();
        }
    }

    /** A manifest as read: path to expected checksum (null where the line's checksum was malformed). */
    private record Manifest(String name, boolean tag, String algorithm, Map<String, String> sums) {
    }

    /** One verification: the problems go into four groups, printed in this order. */
    private static final class Check {
        private final Path bag;
        private final Map<String, Entry> entries = new TreeMap<>();
        private final List<Problem> structure = new ArrayList<>();
        private final List<Problem> manifestLines = new ArrayList<>();
        private final List<Problem> files = new ArrayList<>();
        private final List<Problem> oxum = new ArrayList<>();

        Check(Path bag) {
            this.bag = bag;
        }

        Report run() throws IOException {
            walk();
            for (String required : List.of(BagIt.BAGIT_TXT, BagIt.BAG_INFO_TXT, BagIt.MANIFEST, BagIt.TAG_MANIFEST)) {
                if (!entries.containsKey(required)) {
                    structure.add(new Problem(Kind.MISSING, required, "required tag file"));
                }
            }
            checkDeclaration();
            List<Manifest> manifests = readManifests();
            List<Manifest> payloadManifests = manifests.stream().filter(m -> !m.tag()).toList();
            List<Manifest> tagManifests = manifests.stream().filter(Manifest::tag).toList();
            checkListedFiles(manifests);
            long octets = 0;
            int count = 0;
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                String path = e.getKey();
                Entry entry = e.getValue();
                if (entry.attributes().isDirectory()) {
                    continue; // folders are not listed; an empty one is allowed
                }
                if (!entry.regular()) {
                    files.add(new Problem(Kind.NOT_REGULAR, path, describe(entry) + ", not a regular file; not read"));
                } else if (isPayload(path)) {
                    octets += entry.attributes().size();
                    count++;
                    notListedIn(path, payloadManifests, "payload");
                } else if (!isTagManifest(path)) {
                    notListedIn(path, tagManifests, "tag");
                }
            }
            checkOxum(octets, count);
            List<Problem> problems = new ArrayList<>(structure);
            problems.addAll(manifestLines);
            files.sort(Comparator.comparing(Problem::path)); // stable: a file's problems keep their order
            problems.addAll(files);
            problems.addAll(oxum);
            return new Report(problems, count, payloadManifests.stream().map(Manifest::name).toList());
        }

        /** Every entry of the bag, links and special files as themselves; unreadable folders are problems. */
        private void walk() throws IOException {
            Files.walkFileTree(bag, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (!dir.equals(bag)) {
                        entries.put(relative(dir), new Entry(dir, attributes));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    entries.put(relative(file), new Entry(file, attributes));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    files.add(new Problem(Kind.UNREADABLE, relative(file), reason(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        }

        private String relative(Path file) {
            return BagIt.relative(bag, file);
        }

        /** bagit.txt: exactly the two lines of a BagIt 1.0 declaration in UTF-8 (lines end in LF, CRLF or CR). */
        private void checkDeclaration() {
            Entry entry = entries.get(BagIt.BAGIT_TXT);
            if (entry == null || !entry.regular()) {
                return;
            }
            try {
                List<String> lines = lines(entry.path(), BagIt.BAGIT_TXT, structure);
                if (lines != null && !lines.equals(List.of(BAGIT_LINE_1, BAGIT_LINE_2))) {
                    structure.add(new Problem(Kind.ALTERED, BagIt.BAGIT_TXT, "not a BagIt 1.0 declaration ("
                            + BAGIT_LINE_1 + ", " + BAGIT_LINE_2 + ")"));
                }
            } catch (IOException e) {
                structure.add(new Problem(Kind.UNREADABLE, BagIt.BAGIT_TXT, reason(e)));
            }
        }

        /** Every manifest at the top of the bag, in name order; an unknown algorithm's is reported, not read. */
        private List<Manifest> readManifests() {
            List<Manifest> manifests = new ArrayList<>();
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                Matcher name = MANIFEST.matcher(e.getKey());
                if (!name.matches() || !e.getValue().regular()) {
                    continue; // a manifest that is a link or special file is reported as such
                }
                String algorithm = ALGORITHMS.get(name.group(2));
                if (algorithm == null) {
                    manifestLines.add(new Problem(Kind.UNSUPPORTED, e.getKey(), "algorithm '" + name.group(2)
                            + "' is not one of " + new java.util.TreeSet<>(ALGORITHMS.keySet())
                            + "; its checksums were not checked"));
                    continue;
                }
                try {
                    manifests.add(readManifest(e.getKey(), e.getValue().path(), name.group(1) != null, algorithm));
                } catch (IOException ex) {
                    manifestLines.add(new Problem(Kind.UNREADABLE, e.getKey(), reason(ex)));
                }
            }
            return manifests;
        }

        private Manifest readManifest(String name, Path file, boolean tag, String algorithm) throws IOException {
            int hexDigits = 2 * digest(algorithm).getDigestLength();
            Map<String, String> sums = new LinkedHashMap<>();
            Map<String, Integer> firstLine = new HashMap<>();
            try (LineReader reader = new LineReader(file)) {
                for (String line = reader.next(); line != null || reader.malformed(); line = reader.next()) {
                    int number = reader.number();
                    if (line == null) {
                        manifestLines.add(lineProblem(name, number, "not UTF-8"));
                        continue;
                    }
                    if (line.isEmpty()) {
                        continue;
                    }
                    int blank = firstBlank(line);
                    int start = blank;
                    while (start >= 0 && start < line.length() && isBlank(line.charAt(start))) {
                        start++;
                    }
                    if (blank <= 0 || start >= line.length()) {
                        manifestLines.add(lineProblem(name, number, "not '<checksum> <path>'"));
                        continue;
                    }
                    String sum = line.substring(0, blank);
                    String path = BagIt.decode(line.substring(start));
                    String wrongPath = pathProblem(path, tag);
                    if (wrongPath != null) {
                        manifestLines.add(lineProblem(name, number, path + " " + wrongPath));
                        continue;
                    }
                    Integer first = firstLine.putIfAbsent(path, number);
                    if (first != null) {
                        manifestLines.add(lineProblem(name, number, path + " is listed again (first on line "
                                + first + ")"));
                        continue;
                    }
                    if (sum.length() != hexDigits || !isHex(sum)) {
                        manifestLines.add(lineProblem(name, number, "'" + sum + "' is not a " + algorithm
                                + " checksum (" + hexDigits + " hex digits)"));
                        sums.put(path, null); // listed all the same: not also "not in this manifest"
                        continue;
                    }
                    sums.put(path, sum.toLowerCase(Locale.ROOT));
                }
            }
            return new Manifest(name, tag, algorithm, sums);
        }

        /**
         * Each file some manifest lists: there, a regular file (else it is reported once, as NOT_REGULAR), with
         * every listed checksum; one read computes them all.
         */
        private void checkListedFiles(List<Manifest> manifests) {
            Map<String, List<Manifest>> listedBy = new TreeMap<>();
            for (Manifest manifest : manifests) {
                manifest.sums().keySet().forEach(path -> listedBy.computeIfAbsent(path, p -> new ArrayList<>())
                        .add(manifest));
            }
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            Map<String, MessageDigest> digests = new HashMap<>();
            listedBy.forEach((path, listing) -> {
                Entry entry = entries.get(path);
                if (entry == null) {
                    files.add(new Problem(Kind.MISSING, path, "listed in "
                            + String.join(", ", listing.stream().map(Manifest::name).toList())));
                    return;
                }
                if (!entry.regular()) {
                    return;
                }
                List<MessageDigest> used = listing.stream().map(Manifest::algorithm).distinct()
                        .map(algorithm -> digests.computeIfAbsent(algorithm, BagVerifier::digest)).toList();
                try {
                    readInto(entry.path(), buffer, used);
                } catch (IOException e) {
                    files.add(new Problem(Kind.UNREADABLE, path, reason(e)));
                    return;
                }
                Map<String, String> actual = new HashMap<>();
                used.forEach(digest -> actual.put(digest.getAlgorithm(), HexFormat.of().formatHex(digest.digest())));
                for (Manifest manifest : listing) {
                    String expected = manifest.sums().get(path);
                    String sum = actual.get(manifest.algorithm());
                    if (expected != null && !expected.equals(sum)) {
                        files.add(new Problem(Kind.ALTERED, path, algorithmName(manifest) + " " + sum + ", "
                                + manifest.name() + " says " + expected));
                    }
                }
            });
        }

        /** One line per file that some manifests of its kind leave out, naming them. */
        private void notListedIn(String path, List<Manifest> manifests, String kind) {
            List<String> without = manifests.stream().filter(m -> !m.sums().containsKey(path))
                    .map(Manifest::name).toList();
            if (manifests.isEmpty()) {
                files.add(new Problem(Kind.EXTRA, path, "not in any " + kind + " manifest"));
            } else if (!without.isEmpty()) {
                files.add(new Problem(Kind.EXTRA, path, "not in " + String.join(", ", without)));
            }
        }

        private void checkOxum(long octets, int count) {
            Entry entry = entries.get(BagIt.BAG_INFO_TXT);
            if (entry == null || !entry.regular()) {
                return;
            }
            List<String> declared;
            try {
                List<String> lines = lines(entry.path(), BagIt.BAG_INFO_TXT, oxum);
                if (lines == null) {
                    return;
                }
                declared = BagIt.parseInfo(lines).getOrDefault("Payload-Oxum", List.of());
            } catch (IOException e) {
                oxum.add(new Problem(Kind.UNREADABLE, BagIt.BAG_INFO_TXT, reason(e)));
                return;
            }
            String actual = octets + "." + count;
            if (declared.isEmpty()) {
                oxum.add(new Problem(Kind.BAD_OXUM, BagIt.BAG_INFO_TXT, "no Payload-Oxum; the payload is " + actual));
            } else if (declared.size() > 1) {
                oxum.add(new Problem(Kind.BAD_OXUM, BagIt.BAG_INFO_TXT, "Payload-Oxum given " + declared.size()
                        + " times"));
            } else if (!declared.get(0).equals(actual)) {
                oxum.add(new Problem(Kind.BAD_OXUM, BagIt.BAG_INFO_TXT, "Payload-Oxum says " + declared.get(0)
                        + ", the payload is " + actual));
            }
        }

        /** A small tag file's lines, or null (and a problem) when it is not UTF-8. */
        private static List<String> lines(Path file, String name, List<Problem> problems) throws IOException {
            List<String> lines = new ArrayList<>();
            try (LineReader reader = new LineReader(file)) {
                for (String line = reader.next(); line != null || reader.malformed(); line = reader.next()) {
                    if (line == null) {
                        problems.add(lineProblem(name, reader.number(), "not UTF-8"));
                        return null;
                    }
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    /** Why a manifest's path is wrong for it, or null: it must be a plain relative path of its kind of file. */
    static String pathProblem(String path, boolean tagManifest) {
        if (path.startsWith("/")) {
            return "is an absolute path";
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return "is not a plain path inside the bag (an empty, '.' or '..' part)";
            }
        }
        if (!tagManifest && !isPayload(path)) {
            return "is not under data/: a payload manifest lists payload files only";
        }
        if (tagManifest && isPayload(path)) {
            return "is a payload file: a tag manifest lists tag files only";
        }
        if (tagManifest && isTagManifest(path)) {
            return "is a tag manifest, which no tag manifest lists (RFC 8493 §2.2.1)";
        }
        return null;
    }

    private static boolean isPayload(String path) {
        return path.startsWith("data/");
    }

    private static boolean isTagManifest(String path) {
        return path.startsWith("tagmanifest-") && path.endsWith(".txt") && path.indexOf('/') < 0;
    }

    private static Problem lineProblem(String file, int line, String detail) {
        return new Problem(Kind.MALFORMED, file, "line " + line + ": " + detail);
    }

    private static String algorithmName(Manifest manifest) {
        Matcher name = MANIFEST.matcher(manifest.name());
        return name.matches() ? name.group(2) : manifest.algorithm();
    }

    /** What a non-regular entry is, from its own attributes (and its mode where the platform has it). */
    private static String describe(Entry entry) {
        BasicFileAttributes attributes = entry.attributes();
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        try {
            int type = (Integer) Files.getAttribute(entry.path(), "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            switch (type) {
                case 0010000: return "a named pipe";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | RuntimeException e) {
            // no unix view here: say what is certain
        }
        return "a special file";
    }

    /** Reads a regular file once into every digest; never follows a link (the walk saw a regular file here). */
    private static void readInto(Path file, ByteBuffer buffer, List<MessageDigest> digests) throws IOException {
        digests.forEach(MessageDigest::reset);
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            buffer.clear();
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                for (MessageDigest digest : digests) {
                    digest.update(buffer.array(), 0, buffer.limit());
                }
                buffer.clear();
            }
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    private static int firstBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (isBlank(line.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String reason(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    /**
     * A path or detail as one printable line: CR, LF, '%' and every other control character percent-encoded,
     * as manifests encode CR, LF and '%' (so a file name cannot break a line or steer the terminal).
     */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '%') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The lines of a tag file (RFC 8493: lines end in LF, CRLF or CR), each decoded strictly as UTF-8 on its
     * own, so that a bad byte is reported at its line. Opened without following links.
     */
    private static final class LineReader implements AutoCloseable {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        private int number;
        private boolean malformed;
        private boolean ended;

        LineReader(Path file) throws IOException {
            this.in = new BufferedInputStream(Files.newInputStream(file, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS), 1 << 16);
        }

        /** The next line; null at the end, or (with {@link #malformed()}) for a line that is not UTF-8. */
        String next() throws IOException {
            malformed = false;
            if (ended) {
                return null;
            }
            line.reset();
            int b;
            while ((b = in.read()) >= 0 && b != '\n' && b != '\r') {
                line.write(b);
            }
            if (b < 0) {
                ended = true;
                if (line.size() == 0) {
                    return null;
                }
            } else if (b == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
            }
            number++;
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(line.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                malformed = true;
                return null;
            }
        }

        boolean malformed() {
            return malformed;
        }

        int number() {
            return number;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
