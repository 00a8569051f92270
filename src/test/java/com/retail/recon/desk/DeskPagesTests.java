package com.retail.recon.desk;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the pages do beyond who may open them: the export zip, a verification, the users' rules, escaping. */
class DeskPagesTests extends DeskTestBase {

    @Test
    void anExportIsAZipOfTheAuditBag_andItsTemporaryFolderIsGone() throws Exception {
        List<Path> before = temporaryExports();
        MockHttpServletResponse response = mvc.perform(post("/exports").param("from", "2026-11-20").param("to", "2026-11-23")
                        .with(csrf()).with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"recon-export-2026-11-20-to-2026-11-23.zip\"");
        assertThat(entries(response.getContentAsByteArray())).contains(
                "recon-export-2026-11-20-to-2026-11-23/bagit.txt",
                "recon-export-2026-11-20-to-2026-11-23/manifest-sha256.txt",
                "recon-export-2026-11-20-to-2026-11-23/data/ledgers/cancellations.csv",
                "recon-export-2026-11-20-to-2026-11-23/data/totals.csv",
                "recon-export-2026-11-20-to-2026-11-23/data/ledgers.xlsx",
                "recon-export-2026-11-20-to-2026-11-23/data/summary.pdf");
        assertThat(temporaryExports()).isEqualTo(before);
    }

    @Test
    void anExportOfDatesThatNeverCompletedIsRefusedWithAMessage() throws Exception {
        String page = mvc.perform(post("/exports").param("from", "2027-01-01").param("to", "2027-01-31")
                        .with(csrf()).with(user("finance").roles("FINANCE")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("has completed: there is nothing to export");
    }

    @Test
    void verifyingFromThePageAnswersAFragmentForHtmxAndThePageWithout() throws Exception {
        String fragment = mvc.perform(post("/runs/2026-11-20/1/verify").header("HX-Request", "true")
                        .with(csrf()).with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("Intact").doesNotContain("<html");
        String page = mvc.perform(post("/runs/2026-11-20/1/verify").with(csrf()).with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html").contains("Bundle of 2026-11-20, attempt 1").contains("Intact");
    }

    @Test
    void anAdminCannotDisableThemselves() throws Exception {
        mvc.perform(post("/users/disable").param("name", "admin").with(csrf()).with(user("admin").roles("ADMIN")))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("problem", "You cannot disable yourself; another ADMIN can."));
    }

    @Test
    void markupInTheDataIsEscapedInTheHtml() throws Exception {
        String users = mvc.perform(get("/users").with(user("admin").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(users).contains("&lt;script&gt;window.pwned=1&lt;/script&gt;").doesNotContain(DeskFixture.HOSTILE_NAME);
        String runs = mvc.perform(get("/runs").with(user("finance").roles("FINANCE"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(runs).contains("archive &lt;img src=x onerror=window.pwned=2&gt;").doesNotContain("<img");
        String nav = mvc.perform(get("/").with(user(DeskFixture.HOSTILE_NAME).roles("AGENT"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(nav).contains("&lt;script&gt;window.pwned=1&lt;/script&gt;").doesNotContain(DeskFixture.HOSTILE_NAME);
    }

    private static List<Path> temporaryExports() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("recon-export-")).sorted().toList();
        }
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
