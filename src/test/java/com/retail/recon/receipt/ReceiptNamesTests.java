package com.retail.recon.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReceiptNamesTests {

    private static final Path DIR = Path.of("/archive/2026-11-25/data/receipts");

    @Test
    void aSafeConfirmationNumberIsTheName() {
        assertThat(ReceiptNames.fileName("CNF-2B9E04", false, Set.of())).isEqualTo("CNF-2B9E04.pdf");
        assertThat(ReceiptNames.fileName("a.b_c-D9", false, Set.of())).isEqualTo("a.b_c-D9.pdf");
        assertThat(ReceiptNames.fileName("x".repeat(100), false, Set.of())).isEqualTo("x".repeat(100) + ".pdf");
    }

    @Test
    void hostileConfirmationNumbersGiveSafeUniqueNamesInsideTheFolder() {
        List<String> hostile = List.of("../../x", "a/b", "a\\b", "x".repeat(101), "y".repeat(300), "a\u0000b", ".",
                "..", "...", ".hidden", "注文-1", "CNF-SAME", "CNF-SAME", "cnf-case", "CNF-CASE", "", " ", "CON",
                "a b", "-", "_", "..\\..\\x", "/etc/passwd", "a/../../b", "\uD800", "😀");
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (String cn : hostile) {
            boolean shared = hostile.stream().filter(other -> ReceiptNames.sameNumber(other)
                    .equals(ReceiptNames.sameNumber(cn))).count() > 1;
            String name = ReceiptNames.fileName(cn, shared, taken);
            assertSafe(name);
            assertThat(taken.stream().map(t -> t.toLowerCase(Locale.ROOT)))
                    .as("%s -> %s is unique ignoring case", cn, name).doesNotContain(name.toLowerCase(Locale.ROOT));
            taken.add(name);
            names.add(name);
        }
        assertThat(names.get(0)).matches("x-[0-9a-f]{12}\\.pdf");
        assertThat(names.get(1)).matches("a_b-[0-9a-f]{12}\\.pdf");
        assertThat(names.get(2)).matches("a_b-[0-9a-f]{12}\\.pdf").isNotEqualTo(names.get(1));
        assertThat(names.get(4)).matches("y{60}-[0-9a-f]{12}\\.pdf");
        assertThat(names.get(5)).matches("a_b-[0-9a-f]{12}\\.pdf");
        assertThat(names.get(6)).matches("receipt-[0-9a-f]{12}\\.pdf");
        assertThat(names.get(9)).matches("hidden-[0-9a-f]{12}\\.pdf");
        assertThat(names.get(10)).matches("1-[0-9a-f]{12}\\.pdf");
        assertThat(names.get(21)).matches("x-[0-9a-f]{12}\\.pdf").isNotEqualTo(names.get(0));
        assertThat(names.get(23)).matches("a_b-[0-9a-f]{12}\\.pdf");
        assertThat(names.get(11)).matches("CNF-SAME-[0-9a-f]{12}\\.pdf");
        assertThat(names.get(12)).isEqualTo(names.get(11).replace(".pdf", "-2.pdf"));
        assertThat(names.get(13)).matches("cnf-case-[0-9a-f]{12}\\.pdf");
        assertThat(names.get(14)).matches("CNF-CASE-[0-9a-f]{12}\\.pdf");
    }

    @Test
    void aNumberThatAnotherReceiptHasToo_namesNeither() {
        Set<String> taken = ReceiptNames.newTakenSet();
        String first = ReceiptNames.fileName("CNF-7", true, taken);
        taken.add(first);
        String second = ReceiptNames.fileName("CNF-7", true, taken);

        assertThat(first).matches("CNF-7-[0-9a-f]{12}\\.pdf");
        assertThat(second).isEqualTo(first.replace(".pdf", "-2.pdf"));
        assertThat(ReceiptNames.sameNumber("cnf-7")).isEqualTo(ReceiptNames.sameNumber("CNF-7"));
        assertThat(ReceiptNames.sameNumber("CNF-I\u0130\u212A")).as("only ASCII letters are folded, in any locale")
                .isEqualTo("cnf-i\u0130\u212A");
    }

    @Test
    void theSameNumberManyTimesGetsACounter() {
        Set<String> taken = ReceiptNames.newTakenSet();
        String first = ReceiptNames.fileName("../x", false, taken);
        taken.add(first);
        String second = ReceiptNames.fileName("../x", false, taken);
        taken.add(second);
        String third = ReceiptNames.fileName("../x", false, taken);
        assertThat(first).matches("x-[0-9a-f]{12}\\.pdf");
        assertThat(second).isEqualTo(first.replace(".pdf", "-2.pdf"));
        assertThat(third).isEqualTo(first.replace(".pdf", "-3.pdf"));
        for (String name : List.of(first, second, third)) {
            assertSafe(name);
        }
    }

    @Test
    void takenIsCaseInsensitiveWhateverTheSet() {
        assertThat(ReceiptNames.fileName("ABC", false, Set.of("abc.pdf"))).matches("ABC-[0-9a-f]{12}\\.pdf");
        Set<String> caseInsensitive = ReceiptNames.newTakenSet();
        caseInsensitive.add("abc.PDF");
        assertThat(ReceiptNames.fileName("ABC", false, caseInsensitive)).matches("ABC-[0-9a-f]{12}\\.pdf");
        assertThat(ReceiptNames.fileName("ABC", false, null)).isEqualTo("ABC.pdf");
        assertThat(ReceiptNames.fileName(null, false, Set.of())).matches("receipt-[0-9a-f]{12}\\.pdf");
    }

    @Test
    void theDerivedNameDependsOnTheOriginal() {
        assertThat(ReceiptNames.fileName("a/b", false, Set.of()))
                .isNotEqualTo(ReceiptNames.fileName("a\\b", false, Set.of()));
        assertThat(ReceiptNames.fileName("a/b", false, Set.of())).isEqualTo(ReceiptNames.fileName("a/b", false, Set.of()));
    }

    private static void assertSafe(String name) {
        assertThat(name).endsWith(".pdf").doesNotStartWith(".").doesNotContain("/", "\\", "\u0000")
                .matches("[A-Za-z0-9._-]+").hasSizeLessThanOrEqualTo(120);
        assertThat(name.split("[/\\\\]")).doesNotContain("..", ".");
        Path resolved = DIR.resolve(name).normalize();
        assertThat(resolved.getParent()).isEqualTo(DIR);
        assertThat(resolved.getFileName().toString()).isEqualTo(name);
    }
}
