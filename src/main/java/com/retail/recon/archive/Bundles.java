package com.retail.recon.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Optional;
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

    /** The next revision of the date that no bundle holds yet (the date's run lock keeps it free). */
    public static int nextRevision(Path archive, LocalDate businessDate) {
        int revision = 1;
        while (Files.exists(archive.resolve(folderName(businessDate, revision)))) {
            revision++;
        }
        return revision;
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
        if (!Files.isDirectory(archive)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(archive)) {
            return folders.filter(folder -> folder.getFileName().toString().startsWith(businessDate.toString()))
                    .filter(folder -> markerSays(folder, runIdentity))
                    .findFirst();
        }
    }

    public static int revisionOf(Path bundle) {
        String name = bundle.getFileName().toString();
        int dot = name.indexOf(".r");
        return dot < 0 ? 1 : Integer.parseInt(name.substring(dot + 2));
    }

    private static boolean markerSays(Path folder, String runIdentity) {
        try {
            return Files.isRegularFile(folder.resolve(BagIt.BAG_INFO_TXT))
                    && BagIt.readInfo(folder).getOrDefault(RUN_ID, java.util.List.of()).contains(runIdentity);
        } catch (IOException e) {
            return false;
        }
    }

    public static final String RUN_ID = "Run-Id";
}
