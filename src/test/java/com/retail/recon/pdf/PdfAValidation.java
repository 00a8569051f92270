package com.retail.recon.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Validates documents against PDF/A-2b with veraPDF (the flavour the documents declare is checked too). */
public final class PdfAValidation {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfAValidation() {
    }

    /** Asserts that the document declares PDF/A-2b and is compliant, listing every failed rule otherwise. */
    public static void assertPdfA2b(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
            assertThat(parser.getFlavour()).as("flavour declared in XMP").isEqualTo(PDFAFlavour.PDFA_2_B);
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
            ValidationResult result = validator.validate(parser);
            List<TestAssertion> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED).toList();
            String failures = failed.stream()
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                            + " @ " + a.getLocation().getContext())
                    .distinct().limit(30).collect(Collectors.joining("\n"));
            assertThat(failed).as("failed PDF/A-2b rules:\n%s", failures).isEmpty();
            assertThat(result.getFailedChecks()).as("failed checks").isEmpty();
            assertThat(result.isCompliant()).as("compliant").isTrue();
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the document", e);
        }
    }
}
