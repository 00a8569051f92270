package com.retail.recon.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a business date's bundle is built and published. A run writes into a hidden staging folder and,
 * when everything is written, moves it into place in one atomic rename: a bundle path either holds a
 * complete bundle or does not exist. Revisions: {@code <D>/} first, then {@code <D>.r2/}, {@code <D>.r3/}, ...
 * An existing bundle is never altered or deleted.
 */
public final class Bundles {

    private Bundles() {
    }

    public static Path staging(Path archive, LocalDate businessDate, long jobInstanceId) {
        return archive.resolve("." + businessDate + ".run-" + jobInstanceId + ".partial");
    }

    public static Path ledgers(Path bundle) {
        return bundle.resolve("data").resolve("ledgers");
    }

    public static String folderName(LocalDate businessDate, int revision) {
        return revision == 1 ? businessDate.toString() : businessDate + ".r" + revision;
    }

    /**
     * A folder (or file, or link) at one of the date's bundle paths, {@code <D>} or {@code <D>.r<N>}, that is not
     * a bundle this store published for the date, and why.
     */
    public record Foreign(Path path, String why) {
    }

    /**
     * The date's bundle paths that hold something recon did not publish for this store: not a folder, no
     * bag-info.txt, or a bag-info whose Business-Date, Revision (the one its name says) or Run-Id (one of
     * {@code runIds}, the runs this store made of the date) differ. recon neither writes over such a thing nor
     * publishes beside it: its revision number would be taken on the word of a stranger.
     */
    public static List<Foreign> foreign(Path archive, LocalDate businessDate, Set<String> runIds) throws IOException {
        List<Foreign> foreign = new ArrayList<>();
        for (Map.Entry<Integer, Path> bundle : bundlePaths(archive, businessDate).entrySet()) {
            whyNotOurs(bundle.getValue(), businessDate, bundle.getKey(), runIds)
                    .ifPresent(why -> foreign.add(new Foreign(bundle.getValue(), why)));
        }
        return foreign;
    }

    /** What an operator reads when {@link #foreign} found something: which paths, why, and what to do. */
    public static String refusal(LocalDate businessDate, List<Foreign> foreign) {
        StringBuilder message = new StringBuilder("cannot publish " + businessDate + ": ");
        for (int i = 0; i < foreign.size(); i++) {
            message.append(i == 0 ? "" : "; ").append(foreign.get(i).path()).append(" is not a bundle recon published "
                    + "for " + businessDate + " (").append(foreign.get(i).why()).append(')');
        }
        return message.append(". recon neither writes over it nor takes the next revision beside it: move it out of "
                + "the archive (an export or a copy belongs elsewhere), then try again").toString();
    }

    /** The next revision: one past the highest of the date's bundles ({@link #foreign} vouches for them). */
    public static int nextRevision(Path archive, LocalDate businessDate) throws IOException {
        TreeMap<Integer, Path> bundles = bundlePaths(archive, businessDate);
        return bundles.isEmpty() ? 1 : bundles.lastKey() + 1;
    }

    /** Whatever is at {@code <D>} and {@code <D>.r<N>} (the names recon publishes under), by revision. */
    private static TreeMap<Integer, Path> bundlePaths(Path archive, LocalDate businessDate) throws IOException {
        TreeMap<Integer, Path> bundles = new TreeMap<>();
        if (!Files.isDirectory(archive)) {
            return bundles;
        }
        String date = businessDate.toString();
        try (Stream<Path> entries = Files.list(archive)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.equals(date)) {
                    bundles.put(1, entry);
                } else if (name.startsWith(date + ".r") && REVISION.matcher(name.substring(date.length() + 2)).matches()) {
                    bundles.put(Integer.parseInt(name.substring(date.length() + 2)), entry);
                }
            }
        }
        return bundles;
    }

    private static Optional<String> whyNotOurs(Path folder, LocalDate businessDate, int revision, Set<String> runIds) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(Files.isSymbolicLink(folder) ? "a symbolic link" : "not a folder");
        }
        if (!Files.isRegularFile(folder.resolve(BagIt.BAG_INFO_TXT), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("it has no " + BagIt.BAG_INFO_TXT);
        }
        Map<String, List<String>> info;
        try {
            info = BagIt.readInfo(folder);
        } catch (IOException | RuntimeException e) {
            return Optional.of(BagIt.BAG_INFO_TXT + " cannot be read: " + e.getMessage());
        }
        List<String> dates = info.getOrDefault(BUSINESS_DATE, List.of());
        if (!dates.equals(List.of(businessDate.toString()))) {
            return Optional.of(BagIt.BAG_INFO_TXT + " says " + BUSINESS_DATE + " " + dates);
        }
        List<String> revisions = info.getOrDefault(REVISION_LABEL, List.of());
        if (!revisions.equals(List.of(Integer.toString(revision)))) {
            return Optional.of(BagIt.BAG_INFO_TXT + " says " + REVISION_LABEL + " " + revisions);
        }
        List<String> runs = info.getOrDefault(RUN_ID, List.of());
        if (runs.size() != 1 || !runIds.contains(runs.get(0))) {
            return Optional.of("its " + RUN_ID + " " + runs + " is none of this store's runs of " + businessDate);
        }
        return Optional.empty();
    }

    /** Moves the finished staging folder into place in one atomic rename; returns the bundle's path. */
    public static Path publish(Path archive, LocalDate businessDate, int revision, Path staging) throws IOException {
        return Files.move(staging, archive.resolve(folderName(businessDate, revision)), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The bundle a run already published, if a crash came between the move and recording it: the bundle
     * whose bag-info names the run.
     */
    public static Optional<Path> publishedBy(Path archive, LocalDate businessDate, String runIdentity)
            throws IOException {
        return bundlePaths(archive, businessDate).values().stream()
                .filter(folder -> markerSays(folder, runIdentity))
                .findFirst();
    }

    public static int revisionOf(Path bundle) {
        String name = bundle.getFileName().toString();
        int dot = name.indexOf(".r");
        return dot < 0 ? 1 : Integer.parseInt(name.substring(dot + 2));
    }

    private static boolean markerSays(Path folder, String runIdentity) {
        try {
            return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                    && Files.isRegularFile(folder.resolve(BagIt.BAG_INFO_TXT), LinkOption.NOFOLLOW_LINKS)
                    && BagIt.readInfo(folder).getOrDefault(RUN_ID, List.of()).contains(runIdentity);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static final String RUN_ID = "Run-Id";
    public static final String BUSINESS_DATE = "Business-Date";
    public static final String REVISION_LABEL = "Revision";
    /** The N of {@code <D>.r<N>} as {@link #folderName} writes it: 2 or more, no leading zero, an int. */
    private static final Pattern REVISION = Pattern.compile("[2-9]|[1-9][0-9]{1,8}");
}
