package com.retail.recon.cli;

import com.retail.recon.archive.BagIt;
import com.retail.recon.archive.BagVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a bundle (a BagIt bag) against its manifests: every payload and tag file present "
                + "with its SHA-256, no extra file, Payload-Oxum right. Prints each problem; exit 0 when intact, "
                + "4 otherwise. Needs no store."})
final class VerifyCommand implements Callable<Integer> {

    static final int PROBLEM = 4;

    @Parameters(paramLabel = "BUNDLE", description = "The bundle folder, e.g. recon-data/archive/2026-11-20")
    Path bundle;

    @Override
    public Integer call() throws IOException {
        List<BagVerifier.Problem> problems = BagVerifier.verify(bundle);
        if (problems.isEmpty()) {
            System.out.println(bundle + ": intact (" + BagIt.payloadFiles(bundle).size()
                    + " payload files match the manifest)");
            return 0;
        }
        problems.forEach(problem -> System.err.println(bundle + ": " + problem));
        System.err.println(bundle + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
        return PROBLEM;
    }
}
