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

    @Test
    void windowsDeviceNames_withAnyExtensionInAnyCase_getADerivedName() {
        List<String> devices = new ArrayList<>(List.of("CON", "prn", "Aux", "nul", "COM0", "com9", "LPT0", "lpt9",
                "CON.tar", "con.pdf", "NUL.x.y", "AUX.", "Com1..", "COM\u00b9", "LPT\u00b2.txt", "lpt\u00b3"));
        for (int i = 1; i <= 9; i++) {
            devices.add("COM" + i);
            devices.add("LPT" + i + ".log");
        }
        for (String device : devices) {
            String name = ReceiptNames.fileName(device, false, Set.of());
            assertThat(name).as(device).matches("[A-Za-z0-9_]+-[0-9a-f]{12}\\.pdf");
            assertSafe(name);
            assertThat(ReceiptNames.isWindowsDeviceName(name)).as(name).isFalse();
        }
        assertThat(ReceiptNames.fileName("con.tar", false, Set.of())).matches("con_tar-[0-9a-f]{12}\\.pdf");
        for (String notADevice : List.of("CONX", "COM10", "LPT", "CON-1", "XCON", "NULL.txt", "COMA", "AUX_1")) {
            assertThat(ReceiptNames.fileName(notADevice, false, Set.of())).isEqualTo(notADevice + ".pdf");
        }
    }

    @Test
    void theLongestName_isTheLengthTheReadmeStates() throws java.io.IOException {
        Set<String> taken = ReceiptNames.newTakenSet();
        List<String> longest = List.of("x".repeat(100), "x".repeat(101), "y".repeat(300), "\u00e9".repeat(300),
                "\uD83D\uDE00".repeat(150), "a.".repeat(150), "-".repeat(100) + "z".repeat(100),
                "CON." + "x".repeat(96), "LPT1." + "y".repeat(95));
        int longestName = 0;
        int longestDerived = 0;
        for (String cn : longest) {
            String name = ReceiptNames.fileName(cn, false, taken);
            // the same number many times over: each further receipt's derived name has a longer counter
            for (int n = 1; n <= 100; n++) {
                assertSafe(name);
                longestName = Math.max(longestName, name.length());
                if (name.matches(".*-[0-9a-f]{12}\\.pdf")) {
                    longestDerived = Math.max(longestDerived, name.length());
                }
                taken.add(name);
                name = ReceiptNames.fileName(cn, true, taken);
            }
            assertThat(name).as(cn).matches(".*-[0-9a-f]{12}-10[01]\\.pdf")
                    .hasSizeLessThanOrEqualTo(ReceiptNames.MAX_DERIVED_LENGTH + "-101".length());
        }
        assertThat(longestName).isEqualTo(ReceiptNames.MAX_NAME_LENGTH).isEqualTo(104);
        assertThat(longestDerived).isEqualTo(ReceiptNames.MAX_DERIVED_LENGTH).isEqualTo(77);
        String readme = java.nio.file.Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        String section = readme.substring(readme.indexOf("### Receipt file names"), readme.indexOf("### Speed"));
        java.util.regex.Matcher claim = java.util.regex.Pattern.compile(
                "has at most (\\d+) characters.*a derived name has at most (\\d+)").matcher(section);
        assertThat(claim.find()).as("the README's sentence on the length of names").isTrue();
        assertThat(Integer.parseInt(claim.group(1))).isEqualTo(ReceiptNames.MAX_NAME_LENGTH);
        assertThat(Integer.parseInt(claim.group(2))).isEqualTo(ReceiptNames.MAX_DERIVED_LENGTH);
    }

    private static void assertSafe(String name) {
        assertThat(name).endsWith(".pdf").doesNotStartWith(".").doesNotContain("/", "\\", "\u0000")
                .matches("[A-Za-z0-9._-]+").hasSizeLessThanOrEqualTo(ReceiptNames.MAX_NAME_LENGTH);
        assertThat(name.split("[/\\\\]")).doesNotContain("..", ".");
        Path resolved = DIR.resolve(name).normalize();
        assertThat(resolved.getParent()).isEqualTo(DIR);
        assertThat(resolved.getFileName().toString()).isEqualTo(name);
    }
}
