package com.retail.recon.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a path really is, whether or not it exists yet: so that "is this inside that folder" is answered for
 * the place the file system would write to, however the paths are spelled (relative, with {@code .} or
 * {@code ..}, through symbolic links).
 */
public final class RealPaths {

    private RealPaths() {
    }

    /**
     * The real path of the longest part of {@code path} that exists (symbolic links resolved, so that a ".."
     * after a link climbs from where the link points, as the file system does), followed by the rest, which
     * does not exist yet and so holds no link, normalised.
     */
    public static Path of(Path path) {
        Path absolute = path.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute.normalize();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute.normalize(); // it went away meanwhile: the spelling is all there is
        }
    }

    /**
     * Whether {@code path} is {@code folder} or lies inside it. Also true when one of the path's existing
     * ancestors is the folder's very directory under another name (a bind mount, a case-insensitive spelling).
     */
    public static boolean isWithin(Path path, Path folder) {
        Path real = of(path);
        Path realFolder = of(folder);
        if (real.startsWith(realFolder)) {
            return true;
        }
        if (!Files.isDirectory(realFolder)) {
            return false;
        }
        for (Path ancestor = real; ancestor != null; ancestor = ancestor.getParent()) {
            try {
                if (Files.exists(ancestor) && Files.isSameFile(ancestor, realFolder)) {
                    return true;
                }
            } catch (IOException e) {
                // cannot tell this one: the others still can
            }
        }
        return false;
    }
}
