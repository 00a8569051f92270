package com.retail.recon.cli;

import com.retail.recon.archive.BagVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a bundle (a BagIt bag) against its manifests: every file each payload and tag manifest "
                + "lists present, a regular file, with that checksum (md5, sha1, sha224, sha256, sha384, sha512); "
                + "every manifest line well formed and inside the bag, listed once; no file that a manifest of its "
                + "kind leaves out; no symbolic link, named pipe or device anywhere in the bag (none is followed or "
                + "opened); bagit.txt a BagIt 1.0 declaration; Payload-Oxum right. Prints one line per problem, "
                + "naming the file; exit 0 when intact, 4 otherwise. Needs no store."})
final class VerifyCommand implements Callable<Integer> {

    static final int PROBLEM = 4;

    @Parameters(paramLabel = "BUNDLE", description = "The bundle folder, e.g. recon-data/archive/2026-11-20, spelled "
            + "any way (relative, '.', '..', through symbolic links): it is checked at its real path.")
    Path bundle;

    @Override
    public Integer call() throws IOException {
        BagVerifier.Report report = BagVerifier.check(bundle);
        List<BagVerifier.Problem> problems = report.problems();
        if (problems.isEmpty()) {
            System.out.println(bundle + ": intact (" + report.payloadFiles() + " payload files match "
                    + String.join(", ", report.payloadManifests()) + ")");
            return 0;
        }
        problems.forEach(problem -> System.err.println(bundle + ": " + problem));
        System.err.println(bundle + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
        return PROBLEM;
    }
}
