package com.retail.recon.nightly;

import com.retail.recon.ReconApplication;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The crash tests' way to halt a run lives in test code: no production setting can kill a run. */
class NoFaultsInProductionTests {

    @Test
    void noProductionClassReadsTheFaultSettingsOrHaltsTheJvm() throws Exception {
        Path productionClasses = Path.of(ReconApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(productionClasses.resolve("com/retail/recon")).isDirectory();
        List<Path> offenders;
        try (Stream<Path> classes = Files.walk(productionClasses)) {
            offenders = classes.filter(p -> p.toString().endsWith(".class")).filter(NoFaultsInProductionTests::halts)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean halts(Path classFile) {
        try {
            String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            return constants.contains("recon.fault") || constants.contains("halt");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
