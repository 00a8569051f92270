package com.retail.recon.archive;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.SeparateJvm;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `recon verify` on a small bag: every way of spelling its path, and every way of tampering with it. */
class BagVerifierTests {

    @TempDir
    Path folder;

    private Path bag;

    @BeforeEach
    void makeABag() throws IOException {
        bag = folder.resolve("archive").resolve("2026-11-20");
        write(bag, "data/ledgers/cancellations.csv", "business_date,request_id\n2026-11-20,CR-1\n");
        write(bag, "data/receipts/CNF-1.pdf", "%PDF-1.7 a receipt\n");
        write(bag, "data/report.pdf", "%PDF-1.7 the report\n");
        Map<String, List<String>> info = new LinkedHashMap<>();
        info.put("Business-Date", List.of("2026-11-20"));
        BagIt.make(bag, info);
    }

    @Test
    void anIntactBag_isIntact_howeverItsPathIsSpelled() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("link"), folder.resolve("archive"));
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere/deeper"));
        Path up = Files.createSymbolicLink(folder.resolve("up"), elsewhere);
        Path bagLink = Files.createSymbolicLink(folder.resolve("bag-link"), bag);
        String relative = Path.of("").toAbsolutePath().relativize(bag).toString();
        List<String> spellings = List.of(
                bag.toString(),
                bag + "/",
                bag + "/.",
                bag + "/./",
                bag + "/data/..",
                folder + "/archive/./2026-11-20",
                folder + "/archive/../archive/2026-11-20",
                relative,
                "./" + relative,
                relative + "/",
                link.resolve("2026-11-20").toString(),
                link + "/2026-11-20/",
                link + "/../archive/2026-11-20",
                bagLink.toString(),
                bagLink + "/",
                // ".." after a symbolic link climbs from where the link points: elsewhere/deeper/../.. is folder
                up + "/../../archive/2026-11-20");
        for (String spelling : spellings) {
            Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "verify", spelling);
            assertThat(outcome.exitCode()).as(spelling + "\n" + outcome.err()).isZero();
            assertThat(outcome.out()).as(spelling).contains("intact (3 payload files");
        }
    }

    @Test
    void verifyDot_fromInsideAnIntactBag_isIntact() throws Exception {
        Path log = folder.resolve("verify.log");
        for (String spelling : List.of(".", "./", "data/..", "../2026-11-20")) {
            int exit = SeparateJvm.run(TestStore.h2(folder), log, bag, "verify", spelling);
            assertThat(exit).as(spelling + "\n" + Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("intact (3 payload files");
        }
    }

    /** A tampering of the bag, and the lines verify must print for it: one per problem, each naming its file. */
    record Tampering(String name, Change change, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Change {
        void apply(BagVerifierTests test) throws Exception;
    }

    static Stream<Tampering> tamperings() {
        return Stream.of(
                new Tampering("a payload file altered", t -> t.write("data/report.pdf", "%PDF-1.7 the repost\n"),
                        List.of("ALTERED data/report.pdf: sha256 ")),
                new Tampering("a payload file deleted", t -> Files.delete(t.bag.resolve("data/report.pdf")),
                        List.of("MISSING data/report.pdf: listed in manifest-sha256.txt", "BAD_OXUM bag-info.txt")),
                new Tampering("a payload file replaced by a symbolic link to an identical file outside the bag",
                        t -> t.replaceByLink("data/report.pdf"),
                        List.of("NOT_REGULAR data/report.pdf: a symbolic link", "BAD_OXUM bag-info.txt")),
                new Tampering("a named pipe in data/", t -> t.mkfifo("data/ledgers/pipe.csv"),
                        List.of("NOT_REGULAR data/ledgers/pipe.csv: a named pipe")),
                new Tampering("a named pipe in place of a payload file", t -> {
                    Files.delete(t.bag.resolve("data/report.pdf"));
                    t.mkfifo("data/report.pdf");
                }, List.of("NOT_REGULAR data/report.pdf: a named pipe", "BAD_OXUM bag-info.txt")),
                new Tampering("a symbolic link to a device in data/",
                        t -> Files.createSymbolicLink(t.bag.resolve("data/zero"), Path.of("/dev/zero")),
                        List.of("NOT_REGULAR data/zero: a symbolic link")),
                new Tampering("a symbolic link to a folder in data/", t -> {
                    Path outside = Files.createDirectories(t.folder.resolve("more"));
                    Files.writeString(outside.resolve("x.csv"), "x\n");
                    Files.createSymbolicLink(t.bag.resolve("data/more"), outside);
                }, List.of("NOT_REGULAR data/more: a symbolic link")),
                new Tampering("data/ replaced by a symbolic link to a copy of it", t -> {
                    Path copy = t.folder.resolve("data-copy");
                    Files.move(t.bag.resolve("data"), copy);
                    Files.createSymbolicLink(t.bag.resolve("data"), copy);
                }, List.of("NOT_REGULAR data: a symbolic link", "MISSING data/ledgers/cancellations.csv",
                        "MISSING data/receipts/CNF-1.pdf", "MISSING data/report.pdf", "BAD_OXUM bag-info.txt")),
                new Tampering("a second payload manifest with wrong sums, sealed in the tag manifest", t -> {
                    t.write("manifest-md5.txt", t.md5Manifest(true, null));
                    t.reseal("manifest-md5.txt");
                }, List.of("ALTERED data/ledgers/cancellations.csv: md5 ", "ALTERED data/receipts/CNF-1.pdf: md5 ",
                        "ALTERED data/report.pdf: md5 ")),
                new Tampering("a second payload manifest that leaves a file out", t -> {
                    t.write("manifest-md5.txt", t.md5Manifest(false, "data/report.pdf"));
                    t.reseal("manifest-md5.txt");
                }, List.of("EXTRA data/report.pdf: not in manifest-md5.txt")),
                new Tampering("a file in data/ that no manifest names", t -> t.write("data/ledgers/extra.csv", "x\n"),
                        List.of("EXTRA data/ledgers/extra.csv: not in manifest-sha256.txt", "BAD_OXUM bag-info.txt")),
                new Tampering("a second tag manifest with a wrong sum", t -> t.write("tagmanifest-md5.txt",
                        t.md5Of("bagit.txt") + "  bagit.txt\n" + "0".repeat(32) + "  bag-info.txt\n"
                                + t.md5Of("manifest-sha256.txt") + "  manifest-sha256.txt\n"),
                        List.of("ALTERED bag-info.txt: md5 ")),
                new Tampering("a second tag manifest that leaves a tag file out", t -> t.write("tagmanifest-md5.txt",
                        t.md5Of("bagit.txt") + "  bagit.txt\n" + t.md5Of("bag-info.txt") + "  bag-info.txt\n"),
                        List.of("EXTRA manifest-sha256.txt: not in tagmanifest-md5.txt")),
                new Tampering("a manifest line with '..'", t -> t.appendSealed("manifest-sha256.txt",
                        t.sha256Of("data/report.pdf") + "  data/../../2026-11-21/data/report.pdf\n"),
                        List.of("MALFORMED manifest-sha256.txt: line 4: data/../../2026-11-21/data/report.pdf")),
                new Tampering("a manifest line with an absolute path", t -> t.appendSealed("manifest-sha256.txt",
                        "0".repeat(64) + "  /etc/hostname\n"),
                        List.of("MALFORMED manifest-sha256.txt: line 4: /etc/hostname")),
                new Tampering("a payload manifest naming a tag file", t -> t.appendSealed("manifest-sha256.txt",
                        t.sha256Of("bag-info.txt") + "  bag-info.txt\n"),
                        List.of("MALFORMED manifest-sha256.txt: line 4: bag-info.txt")),
                new Tampering("a tag manifest naming a payload file", t -> t.append("tagmanifest-sha256.txt",
                        t.sha256Of("data/report.pdf") + "  data/report.pdf\n"),
                        List.of("MALFORMED tagmanifest-sha256.txt: line 4: data/report.pdf")),
                new Tampering("a tag manifest naming itself", t -> t.append("tagmanifest-sha256.txt",
                        "0".repeat(64) + "  tagmanifest-sha256.txt\n"),
                        List.of("MALFORMED tagmanifest-sha256.txt: line 4: tagmanifest-sha256.txt")),
                new Tampering("a duplicated manifest line", t -> t.appendSealed("manifest-sha256.txt",
                        t.lineOf("manifest-sha256.txt", 1)),
                        List.of("MALFORMED manifest-sha256.txt: line 4: data/ledgers/cancellations.csv is listed "
                                + "again (first on line 1)")),
                new Tampering("a file listed twice with two sums", t -> t.appendSealed("manifest-sha256.txt",
                        "0".repeat(64) + "  data/report.pdf\n"),
                        List.of("MALFORMED manifest-sha256.txt: line 4: data/report.pdf is listed again")),
                new Tampering("a checksum of the wrong length", t -> t.replaceSealed("manifest-sha256.txt",
                        t.sha256Of("data/report.pdf"), t.sha256Of("data/report.pdf").substring(1)),
                        List.of("MALFORMED manifest-sha256.txt: line 3: ")),
                new Tampering("a manifest line without a path", t -> t.appendSealed("manifest-sha256.txt",
                        "nonsense\n"), List.of("MALFORMED manifest-sha256.txt: line 4: ")),
                new Tampering("a manifest that is not UTF-8", t -> t.appendSealed("manifest-sha256.txt",
                        "0".repeat(64) + "  data/caf\u00e9.csv\n", StandardCharsets.ISO_8859_1),
                        List.of("MALFORMED manifest-sha256.txt: line 4: not UTF-8")),
                new Tampering("a manifest of an unknown algorithm", t -> {
                    t.write("manifest-crc32.txt", "cbf43926  data/report.pdf\n");
                    t.reseal("manifest-crc32.txt");
                }, List.of("UNSUPPORTED manifest-crc32.txt: ")),
                new Tampering("bagit.txt deleted", t -> {
                    Files.delete(t.bag.resolve("bagit.txt"));
                    t.reseal();
                }, List.of("MISSING bagit.txt: required tag file")),
                new Tampering("bagit.txt altered", t -> {
                    t.write("bagit.txt", "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n");
                    t.reseal();
                }, List.of("ALTERED bagit.txt: not a BagIt 1.0 declaration")),
                new Tampering("bagit.txt not UTF-8", t -> {
                    Files.write(t.bag.resolve("bagit.txt"), new byte[]{'B', 'a', 'g', (byte) 0xff, '\n'});
                    t.reseal();
                }, List.of("MALFORMED bagit.txt: line 1: not UTF-8")),
                new Tampering("bag-info.txt not UTF-8", t -> {
                    Files.write(t.bag.resolve("bag-info.txt"), new byte[]{'X', ':', ' ', (byte) 0xc3, '\n'},
                            StandardOpenOption.APPEND);
                    t.reseal();
                }, List.of("MALFORMED bag-info.txt: line ")),
                new Tampering("bag-info.txt replaced by a symbolic link to an identical file",
                        t -> t.replaceByLink("bag-info.txt"), List.of("NOT_REGULAR bag-info.txt: a symbolic link")),
                new Tampering("Payload-Oxum altered", t -> {
                    String info = Files.readString(t.bag.resolve("bag-info.txt"));
                    t.write("bag-info.txt", info.replaceAll("Payload-Oxum: \\d+", "Payload-Oxum: 1"));
                    t.reseal();
                }, List.of("BAD_OXUM bag-info.txt: Payload-Oxum says 1.3")),
                new Tampering("a stray tag file", t -> t.write("notes.txt", "x\n"),
                        List.of("EXTRA notes.txt: not in tagmanifest-sha256.txt")),
                new Tampering("a file whose name holds a line feed", t -> t.write("data/a\nb.csv", "x\n"),
                        List.of("EXTRA data/a%0Ab.csv: not in manifest-sha256.txt", "BAD_OXUM bag-info.txt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a FIFO opened for reading blocks
    void aTamperedBag_isReported_oneLineAProblem_eachNamingItsFile(Tampering tampering) throws Exception {
        tampering.change().apply(this);

        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "verify", bag.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(4);
        List<String> lines = outcome.err().lines().toList();
        assertThat(lines).as(outcome.err()).hasSize(tampering.expected().size() + 1)
                .last().isEqualTo(bag + ": " + tampering.expected().size() + " problem"
                        + (tampering.expected().size() == 1 ? "" : "s"));
        for (String expected : tampering.expected()) {
            assertThat(lines).as(outcome.err()).anyMatch(line -> line.startsWith(bag + ": " + expected));
        }
    }

    static Stream<Tampering> intactVariants() {
        return Stream.of(
                new Tampering("as made", t -> { }, List.of()),
                new Tampering("an empty folder in data/", t -> Files.createDirectories(t.bag.resolve("data/empty")),
                        List.of()),
                new Tampering("a second payload manifest, right, sealed in the tag manifest", t -> {
                    t.write("manifest-md5.txt", t.md5Manifest(false, null));
                    t.reseal("manifest-md5.txt");
                }, List.of()),
                new Tampering("a second tag manifest, right", t -> t.write("tagmanifest-md5.txt",
                        t.md5Of("bagit.txt") + "  bagit.txt\n" + t.md5Of("bag-info.txt") + "  bag-info.txt\n"
                                + t.md5Of("manifest-sha256.txt") + "  manifest-sha256.txt\n"), List.of()),
                new Tampering("upper-case checksums and CRLF line ends", t -> {
                    String manifest = Files.readString(t.bag.resolve("manifest-sha256.txt"));
                    StringBuilder upper = new StringBuilder();
                    manifest.lines().forEach(line -> upper.append(line.substring(0, 64).toUpperCase())
                            .append(line.substring(64)).append("\r\n"));
                    t.write("manifest-sha256.txt", upper.toString());
                    t.reseal();
                }, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intactVariants")
    void anIntactBag_isIntact(Tampering variant) throws Exception {
        variant.change().apply(this);
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "verify", bag.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("intact (3 payload files");
    }

    @Test
    void aBagTheLibraryOfCongressMakes_withMd5Sha1Sha256AndSha512Manifests_isChecked() throws Exception {
        Path other = folder.resolve("loc");
        write(other, "ledgers/cancellations.csv", "business_date\n");
        write(other, "report.pdf", "%PDF-1.7\n");
        gov.loc.repository.bagit.creator.BagCreator.bagInPlace(other, List.of(
                gov.loc.repository.bagit.hash.StandardSupportedAlgorithms.MD5,
                gov.loc.repository.bagit.hash.StandardSupportedAlgorithms.SHA1,
                gov.loc.repository.bagit.hash.StandardSupportedAlgorithms.SHA256,
                gov.loc.repository.bagit.hash.StandardSupportedAlgorithms.SHA512), false);

        assertThat(BagVerifier.check(other).problems()).isEmpty();
        assertThat(BagVerifier.check(other).payloadManifests()).containsExactly("manifest-md5.txt",
                "manifest-sha1.txt", "manifest-sha256.txt", "manifest-sha512.txt");

        Files.writeString(other.resolve("data/report.pdf"), "%PDF-1.6\n");
        assertThat(BagVerifier.verify(other)).extracting(Object::toString)
                .map(line -> String.join(" ", java.util.Arrays.copyOf(line.split(" "), 3)))
                .containsExactly("ALTERED data/report.pdf: md5", "ALTERED data/report.pdf: sha1",
                        "ALTERED data/report.pdf: sha256", "ALTERED data/report.pdf: sha512");
    }

    // --- tampering tools ---

    private void write(String path, String text) throws IOException {
        write(bag, path, text);
    }

    private void append(String path, String text) throws IOException {
        Files.writeString(bag.resolve(path), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Appends to a payload manifest and re-seals the tag manifest, so that only the appended line is wrong. */
    private void appendSealed(String path, String text) throws IOException {
        appendSealed(path, text, StandardCharsets.UTF_8);
    }

    private void appendSealed(String path, String text, java.nio.charset.Charset charset) throws IOException {
        Files.writeString(bag.resolve(path), text, charset, StandardOpenOption.APPEND);
        reseal();
    }

    private void replaceSealed(String path, String from, String to) throws IOException {
        write(path, Files.readString(bag.resolve(path)).replace(from, to));
        reseal();
    }

    private String lineOf(String path, int line) throws IOException {
        return Files.readAllLines(bag.resolve(path)).get(line - 1) + "\n";
    }

    /** The file, moved out of the bag, and a symbolic link to it in its place. */
    private void replaceByLink(String path) throws IOException {
        Path outside = folder.resolve("outside-" + bag.resolve(path).getFileName());
        Files.move(bag.resolve(path), outside);
        Files.createSymbolicLink(bag.resolve(path), outside);
    }

    private void mkfifo(String path) throws Exception {
        assertThat(new ProcessBuilder("mkfifo", bag.resolve(path).toString()).start().waitFor()).isZero();
    }

    /** tagmanifest-sha256.txt again: its files' current sums, and the added tag files. */
    private void reseal(String... added) throws IOException {
        java.util.TreeSet<String> files = new java.util.TreeSet<>(List.of(added));
        Files.readAllLines(bag.resolve("tagmanifest-sha256.txt")).forEach(line -> files.add(line.substring(66)));
        StringBuilder text = new StringBuilder();
        for (String file : files) {
            if (Files.exists(bag.resolve(file))) {
                text.append(sha256Of(file)).append("  ").append(file).append('\n');
            }
        }
        write("tagmanifest-sha256.txt", text.toString());
    }

    /** manifest-md5.txt of the payload: right sums or wrong ones, without the file omitted (if any). */
    private String md5Manifest(boolean wrong, String omitted) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String file : List.of("data/ledgers/cancellations.csv", "data/receipts/CNF-1.pdf", "data/report.pdf")) {
            if (!file.equals(omitted)) {
                String sum = md5Of(file);
                text.append(wrong ? new StringBuilder(sum).reverse() : sum).append("  ").append(file).append('\n');
            }
        }
        return text.toString();
    }

    private String md5Of(String path) throws IOException {
        return digest("MD5", path);
    }

    private String sha256Of(String path) throws IOException {
        return digest("SHA-256", path);
    }

    private String digest(String algorithm, String path) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm)
                    .digest(Files.readAllBytes(bag.resolve(path))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path bag, String path, String text) throws IOException {
        Files.createDirectories(bag.resolve(path).getParent());
        Files.writeString(bag.resolve(path), text, StandardCharsets.UTF_8);
    }
}
