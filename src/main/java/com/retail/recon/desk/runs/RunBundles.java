package com.retail.recon.desk.runs;

import com.retail.recon.archive.BagVerifier;
import com.retail.recon.archive.RealPaths;
import com.retail.recon.ledger.Ledger;
import com.retail.recon.run.RunHistory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run's bundle as the desk may touch it: verified (as {@code recon verify} does) and its ledgers read.
 *
 * <p>Nothing a request says becomes a path: the run is found by its business date and attempt, the bundle is
 * the path that run recorded, and a ledger is one of {@link Ledger}'s six file names. Even so the file is
 * opened only when the bundle lies in an archive folder this store's runs used, the ledger's real path lies
 * inside the bundle's, and the ledger is a regular file, not a link ({@code ..}, links and renamed folders
 * lead nowhere else).
 */
@Component
public class RunBundles {

    /** What a verification found; problems as {@code recon verify} prints them, at most {@link #SHOWN}. */
    public record Verification(boolean intact, int payloadFiles, int problemCount, List<String> problems,
                               Instant checkedAt) {
        static final int SHOWN = 20;

        /** When it was checked, HH:mm:ss UTC. */
        public String checkedAtUtc() {
            return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                    .format(checkedAt);
        }
    }

    private record Checked(Verification verification, long stamp) {
    }

    static final java.time.Duration REUSED_FOR = java.time.Duration.ofMinutes(10);

    private final RunHistory history;
    private final Map<Path, Checked> checked = new ConcurrentHashMap<>();

    public RunBundles(RunHistory history) {
        this.history = history;
    }

    public Optional<RunHistory.Run> run(LocalDate date, long attempt) {
        return history.recent(date, Integer.MAX_VALUE).stream().filter(run -> run.attempt() == attempt).findFirst();
    }

    /** The run's bundle, when it published one that is still in one of the store's archive folders. */
    public Optional<Path> bundle(RunHistory.Run run) {
        if (run.bundlePath() == null) {
            return Optional.empty();
        }
        Path bundle = Path.of(run.bundlePath());
        boolean inArchive = history.folders().archives().stream().anyMatch(archive -> RealPaths.isWithin(bundle, archive));
        return inArchive && Files.isDirectory(bundle) ? Optional.of(bundle) : Optional.empty();
    }

    /** Verifies now. */
    public Verification verify(Path bundle) throws IOException {
        BagVerifier.Report report = BagVerifier.check(bundle);
        List<String> problems = report.problems().stream().limit(Verification.SHOWN).map(Object::toString).toList();
        Verification verification = new Verification(report.problems().isEmpty(), report.payloadFiles(),
                report.problems().size(), problems, Instant.now());
        checked.put(bundle, new Checked(verification, stamp(bundle)));
        return verification;
    }

    /**
     * The last verification when it is under {@link #REUSED_FOR} old and the bundle's manifests did not change
     * since; else verifies now. The dashboard shows when it was checked; the Runs page always checks anew.
     */
    public Verification lastVerification(Path bundle) throws IOException {
        Checked last = checked.get(bundle);
        if (last != null && last.stamp() == stamp(bundle)
                && last.verification().checkedAt().plus(REUSED_FOR).isAfter(Instant.now())) {
            return last.verification();
        }
        return verify(bundle);
    }

    /** The ledger file of the bundle, checked as the class says; empty when it is not there or not safe. */
    public Optional<Path> ledger(Path bundle, Ledger ledger) throws IOException {
        return payloadFile(bundle, "ledgers", ledger.fileName());
    }

    /**
     * A receipt of the bundle ({@code data/receipts/NAME}), checked as the class says; the name must be a plain
     * file name (as {@code ReceiptNames} makes them: no separator, no leading dot).
     */
    public Optional<Path> receipt(Path bundle, String fileName) throws IOException {
        if (fileName.isEmpty() || fileName.startsWith(".") || fileName.contains("/") || fileName.contains("\\")
                || fileName.indexOf('\0') >= 0 || !fileName.endsWith(".pdf")) {
            return Optional.empty();
        }
        return payloadFile(bundle, "receipts", fileName);
    }

    private static Optional<Path> payloadFile(Path bundle, String folder, String fileName) throws IOException {
        Path realBundle = bundle.toRealPath();
        Path file = realBundle.resolve("data").resolve(folder).resolve(fileName);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile() || !file.toRealPath().startsWith(realBundle)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** When a bundle's manifests last changed: a bag altered after its verification is verified again. */
    private static long stamp(Path bundle) {
        long stamp = 0;
        for (String name : List.of("manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt")) {
            try {
                stamp = 31 * stamp + Files.getLastModifiedTime(bundle.resolve(name), LinkOption.NOFOLLOW_LINKS).toMillis();
            } catch (IOException e) {
                stamp = 31 * stamp - 1;
            }
        }
        return stamp;
    }
}
