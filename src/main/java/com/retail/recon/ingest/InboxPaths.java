package com.retail.recon.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Inbox files are read only when they are regular files (a symbolic link to one is followed): a device such
 * as /dev/zero would be read forever, and opening a named pipe blocks until something writes to it.
 */
public final class InboxPaths {

    private InboxPaths() {
    }

    /**
     * @return the path, when it is a regular file
     * @throws InputFileException naming the file when it exists but is not a regular file (a missing file is
     *                            left to the caller, which may treat it as empty)
     */
    public static Path requireRegularFile(Path path) {
        if (!Files.isRegularFile(path) && Files.exists(path)) {
            throw new InputFileException(path.getFileName().toString(), 0,
                    "not a regular file (a device, a named pipe or a folder?); recon reads only regular files");
        }
        return path;
    }
}
