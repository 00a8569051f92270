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

    /** Written into each bundle so that a restarted run can recognise the bundle it already published. */
    public static final String RUN_MARKER = ".recon-run";

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

    /** Moves the staging folder to the next free revision of the date; returns the bundle's path. */
    public static Path publish(Path archive, LocalDate businessDate, Path staging) throws IOException {
        for (int revision = 1; ; revision++) {
            Path target = archive.resolve(folderName(businessDate, revision));
            if (!Files.exists(target)) {
                return Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** The bundle a run already published, if a crash came between the move and recording it. */
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
            Path marker = folder.resolve(RUN_MARKER);
            return Files.exists(marker) && Files.readString(marker).strip().equals(runIdentity);
        } catch (IOException e) {
            return false;
        }
    }
}
