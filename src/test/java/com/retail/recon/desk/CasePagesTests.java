package com.retail.recon.desk;

import com.retail.recon.nightly.Recon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case page, the request page, the explain API and the API description: who reaches which (each role and
 * nobody), the explain API against the command line's JSON, and the description against the mapped paths.
 * Case 11 is an escalation (CR-1009), case 4 an exception (CURRENCY_MISMATCH of CR-1010). Nothing here changes a
 * case: an action is tried without its disposition, which every role allowed to act is told to choose.
 */
class CasePagesTests extends DeskTestBase {

    enum Who { NOBODY, AGENT, FINANCE, AUDITOR, ADMIN }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    // the application's own controllers (the actuator adds a second mapping of its endpoints)
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static Stream<Arguments> pages() {
        // expected status per role: AGENT, FINANCE, AUDITOR, ADMIN (302 = acted on: back to the case page)
        return Stream.of(
                Arguments.of("GET /cases/11", get("/cases/11"), new int[]{200, 200, 200, 200}),
                Arguments.of("GET /cases/4 (exception)", get("/cases/4"), new int[]{403, 200, 200, 200}),
                Arguments.of("GET /cases/9999", get("/cases/9999"), new int[]{404, 404, 404, 404}),
                Arguments.of("GET /cases/11/explain (htmx)", get("/cases/11/explain").param("date", "2026-11-21")
                        .header("HX-Request", "true"), new int[]{200, 200, 200, 200}),
                Arguments.of("GET /cases/4/explain (htmx)", get("/cases/4/explain").header("HX-Request", "true"),
                        new int[]{403, 200, 200, 200}),
                Arguments.of("POST /cases/11/actions", post("/cases/11/actions").param("action", "resolve"),
                        new int[]{302, 403, 403, 302}),
                Arguments.of("POST /cases/4/actions", post("/cases/4/actions").param("action", "resolve"),
                        new int[]{403, 302, 403, 302}),
                Arguments.of("GET /requests/CR-1009", get("/requests/CR-1009"), new int[]{200, 200, 200, 200}),
                Arguments.of("GET /requests/CR-1010", get("/requests/CR-1010"), new int[]{200, 200, 200, 200}),
                Arguments.of("GET /requests/CR-0000", get("/requests/CR-0000"), new int[]{404, 404, 404, 404}),
                Arguments.of("GET receipt", get("/requests/" + receipted() + "/receipt"), new int[]{200, 200, 200, 200}),
                Arguments.of("GET receipt (none)", get("/requests/CR-1009/receipt"), new int[]{404, 404, 404, 404}));
    }

    static Stream<Arguments> pageMatrix() {
        return pages().flatMap(page -> Stream.of(Who.values()).map(who -> Arguments.of(page.get()[0], page.get()[1],
                page.get()[2], who)));
    }

    @ParameterizedTest(name = "{0} as {3}")
    @MethodSource("pageMatrix")
    void casePagesAnswerEachRoleAsCaseAccessSays(String name, MockHttpServletRequestBuilder request, int[] expected,
                                                 Who who) throws Exception {
        request.with(csrf());
        if (who != Who.NOBODY) {
            request.with(user(who.name().toLowerCase()).roles(who.name()));
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        if (who == Who.NOBODY && result.getRequest().getHeader("HX-Request") != null) {
            assertThat(status).as("no login, htmx: load the login page").isEqualTo(401);
            assertThat(result.getResponse().getHeader("HX-Redirect")).isEqualTo("/login");
        } else if (who == Who.NOBODY) {
            assertThat(status).as("no login: to the login page").isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        } else {
            assertThat(status).isEqualTo(expected[who.ordinal() - 1]);
            if (status == 302) {
                assertThat(result.getResponse().getRedirectedUrl()).startsWith("/cases/");
                assertThat(result.getFlashMap().get("refusal")).isEqualTo("Resolve how? Choose fixed or accepted.");
            }
        }
    }

    static Stream<Arguments> apiMatrix() {
        return Stream.of(
                Arguments.of("/api/requests/CR-1009/explain", Map.of(Who.NOBODY, 401, Who.AGENT, 200, Who.FINANCE, 200,
                        Who.AUDITOR, 200, Who.ADMIN, 200)),
                Arguments.of("/api/requests/CR-0000/explain", Map.of(Who.NOBODY, 401, Who.AGENT, 404, Who.FINANCE, 404,
                        Who.AUDITOR, 404, Who.ADMIN, 404)),
                Arguments.of("/api/openapi.json", Map.of(Who.NOBODY, 401, Who.AGENT, 200, Who.FINANCE, 200,
                        Who.AUDITOR, 200, Who.ADMIN, 200)))
                .flatMap(a -> Stream.of(Who.values()).map(who -> Arguments.of(a.get()[0], who,
                        ((Map<?, ?>) a.get()[1]).get(who))));
    }

    @ParameterizedTest(name = "GET {0} as {1}: {2}")
    @MethodSource("apiMatrix")
    void theExplainApiAndItsDescriptionAreForEveryRole(String path, Who who, int expected) throws Exception {
        MockHttpServletRequestBuilder request = get(path);
        if (who != Who.NOBODY) {
            request.with(httpBasic(who.name().toLowerCase(), DeskFixture.PASSWORD));
        }
        mvc.perform(request).andExpect(status().is(expected))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")));
    }

    @Test
    void theExplainApiAnswersExactlyWhatTheCommandLineWrites() throws Exception {
        for (String[] ask : new String[][]{{"CR-1009", null}, {"CR-1009", "2026-11-21"}, {"CR-1010", null},
                {receipted(), null}}) {
            String cli = Recon.run(DeskFixture.get().store, ask[1] == null
                    ? new String[]{"explain", ask[0], "--format=json"}
                    : new String[]{"explain", ask[0], "--date=" + ask[1], "--format=json"}).out();
            MockHttpServletRequestBuilder request = get("/api/requests/" + ask[0] + "/explain")
                    .with(httpBasic("agent", DeskFixture.PASSWORD));
            if (ask[1] != null) {
                request.param("date", ask[1]);
            }
            String api = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(cli).as("the command line answered").contains("\"request_id\"");
            assertThat(api).as(String.join(" ", ask[0], String.valueOf(ask[1]))).isEqualTo(cli);
        }
        assertThat(mvc.perform(get("/api/requests/CR-1009/explain").param("date", "2026-11-32")
                .with(httpBasic("agent", DeskFixture.PASSWORD))).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void theApiDescriptionCoversEveryMappedApiPath() throws Exception {
        String body = mvc.perform(get("/api/openapi.json").with(httpBasic("auditor", DeskFixture.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode description = JSON.readTree(body);
        assertThat(description.get("openapi").asString()).startsWith("3.");
        Set<String> documented = new TreeSet<>(description.get("paths").propertyNames());
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .map(pattern -> pattern.replaceAll("\\{[^}]+}", "{id}")).forEach(mapped::add));
        assertThat(mapped).contains("/api/runs", "/api/requests/{id}/explain", "/api/openapi.json");
        assertThat(documented).as("every mapped API path is documented").containsAll(mapped);
        // documented and not (yet) mapped: only the queue's endpoints, implemented on another branch
        Set<String> unmapped = new TreeSet<>(documented);
        unmapped.removeAll(mapped);
        assertThat(unmapped).isSubsetOf("/api/cases", "/api/cases/{id}", "/api/cases/{id}/actions");
    }

    @Test
    void theCasePageShowsTheFactsTheWorkingAndTheTimeline() throws Exception {
        String page = mvc.perform(get("/cases/11").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Case 11 · REFUND_FAILED").contains("CR-1009").contains("overdue since 2026-11-22")
                .contains("Outcome: row").contains("Expected refund E").contains("Timeline")
                .contains("opened").contains("id=\"resolve-form\"").contains("name=\"_csrf\"");
        // hostile text from the inbox, escaped
        assertThat(page).doesNotContain(DeskFixture.HOSTILE_CUSTOMER).contains("&lt;script&gt;window.pwned=4");
        String auditor = mvc.perform(get("/cases/11").with(user("auditor").roles("AUDITOR")))
                .andReturn().getResponse().getContentAsString();
        assertThat(auditor).contains("id=\"read-only\"").doesNotContain("id=\"resolve-form\"");
    }

    /** A request with a receipt: one that became REFUNDED on some date. */
    static String receipted() {
        return DeskFixture.get().store.jdbc().queryForObject("SELECT MIN(request_id) FROM recon_request "
                + "WHERE became_refunded = TRUE", String.class);
    }
}
