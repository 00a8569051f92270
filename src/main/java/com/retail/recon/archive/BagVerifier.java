package com.retail.recon.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a bundle against its manifests: every payload and tag file present with its SHA-256, no file that
 * no manifest lists, Payload-Oxum right. Reports every problem, not just the first.
 */
public final class BagVerifier {

    public enum Kind { NOT_A_BAG, MISSING, ALTERED, EXTRA, BAD_OXUM }

    public record Problem(Kind kind, String path, String detail) {
        @Override
        public String toString() {
            return kind + " " + path + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private BagVerifier() {
    }

    public static List<Problem> verify(Path given) throws IOException {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(given)) {
            return List.of(new Problem(Kind.NOT_A_BAG, given.toString(), "no such folder"));
        }
        // the bag's real path: "." normalises to "" (which no file path starts with), and ".." after a
        // symbolic link climbs from where the link points, not from the link
        Path bag = given.toRealPath();
        for (String required : List.of(BagIt.BAGIT_TXT, BagIt.MANIFEST, BagIt.BAG_INFO_TXT, BagIt.TAG_MANIFEST)) {
            if (!Files.isRegularFile(bag.resolve(required))) {
                problems.add(new Problem(Kind.MISSING, required, "required tag file"));
            }
        }
        if (Files.isRegularFile(bag.resolve(BagIt.BAGIT_TXT))
                && !Files.readString(bag.resolve(BagIt.BAGIT_TXT)).equals(BagIt.DECLARATION)) {
            problems.add(new Problem(Kind.ALTERED, BagIt.BAGIT_TXT, "not a BagIt 1.0 declaration"));
        }
        Set<String> listed = new HashSet<>(List.of(BagIt.BAGIT_TXT, BagIt.TAG_MANIFEST));
        if (Files.isRegularFile(bag.resolve(BagIt.MANIFEST))) {
            Map<String, String> payload = BagIt.readManifest(bag.resolve(BagIt.MANIFEST));
            check(bag, payload, problems);
            listed.addAll(payload.keySet());
            for (String file : BagIt.payloadFiles(bag)) {
                if (!payload.containsKey(file)) {
                    problems.add(new Problem(Kind.EXTRA, file, "not in " + BagIt.MANIFEST));
                }
            }
            checkOxum(bag, payload, problems);
        }
        if (Files.isRegularFile(bag.resolve(BagIt.TAG_MANIFEST))) {
            Map<String, String> tags = BagIt.readManifest(bag.resolve(BagIt.TAG_MANIFEST));
            check(bag, tags, problems);
            listed.addAll(tags.keySet());
        }
        try (Stream<Path> files = Files.walk(bag)) {
            files.filter(Files::isRegularFile)
                    .map(file -> BagIt.relative(bag, file))
                    .filter(path -> !path.startsWith("data/") && !listed.contains(path))
                    .sorted()
                    .forEach(path -> problems.add(new Problem(Kind.EXTRA, path, "not in any manifest")));
        }
        return problems;
    }

    private static void check(Path bag, Map<String, String> manifest, List<Problem> problems) {
        manifest.forEach((path, expected) -> {
            Path file = bag.resolve(path).normalize();
            if (path.isEmpty() || !file.startsWith(bag.normalize())) {
                problems.add(new Problem(Kind.ALTERED, path, "manifest line is malformed or points outside the bag"));
            } else if (!Files.isRegularFile(file)) {
                problems.add(new Problem(Kind.MISSING, path, "listed in a manifest"));
            } else {
                String actual = BagIt.sha256(file);
                if (!actual.equals(expected)) {
                    problems.add(new Problem(Kind.ALTERED, path, "sha256 " + actual + ", manifest says " + expected));
                }
            }
        });
    }

    private static void checkOxum(Path bag, Map<String, String> payload, List<Problem> problems) throws IOException {
        if (!Files.isRegularFile(bag.resolve(BagIt.BAG_INFO_TXT))) {
            return;
        }
        List<String> oxum = BagIt.readInfo(bag).get("Payload-Oxum");
        if (oxum == null || oxum.isEmpty()) {
            problems.add(new Problem(Kind.BAD_OXUM, BagIt.BAG_INFO_TXT, "no Payload-Oxum"));
            return;
        }
        long octets = 0;
        long count = 0;
        for (String file : BagIt.payloadFiles(bag)) {
            octets += Files.size(bag.resolve(file));
            count++;
        }
        String actual = octets + "." + count;
        if (!actual.equals(oxum.get(0))) {
            problems.add(new Problem(Kind.BAD_OXUM, BagIt.BAG_INFO_TXT,
                    "Payload-Oxum says " + oxum.get(0) + ", the payload is " + actual));
        }
    }
}
