package com.retail.recon.desk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who reaches what: every page and API path for each role and for nobody, and the login's own rules. */
class DeskSecurityTests extends DeskTestBase {

    enum Who { NOBODY, AGENT, FINANCE, AUDITOR, ADMIN }

    private static final Set<Who> EVERYONE = Set.of(Who.AGENT, Who.FINANCE, Who.AUDITOR, Who.ADMIN);
    private static final Set<Who> SEE_EVERYTHING = Set.of(Who.FINANCE, Who.AUDITOR, Who.ADMIN);
    private static final Set<Who> ADMIN = Set.of(Who.ADMIN);

    /** A page or action, the roles that may use it, and a request that uses it without changing anything. */
    record Endpoint(String name, Set<Who> allowed, MockHttpServletRequestBuilder request) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> pages() {
        String run = "/runs/2026-11-23/1";
        return List.of(
                new Endpoint("GET /", EVERYONE, get("/")),
                new Endpoint("GET /dashboard/verification", EVERYONE, get("/dashboard/verification")),
                new Endpoint("GET /runs", SEE_EVERYTHING, get("/runs")),
                new Endpoint("POST verify", SEE_EVERYTHING, post(run + "/verify")),
                new Endpoint("GET ledger", SEE_EVERYTHING, get(run + "/ledgers/escalations.csv")),
                new Endpoint("GET /exports", SEE_EVERYTHING, get("/exports")),
                // to before from: refused as bad input (400), after the role was let through
                new Endpoint("POST /exports", SEE_EVERYTHING,
                        post("/exports").param("from", "2026-11-23").param("to", "2026-11-20")),
                new Endpoint("GET /users", ADMIN, get("/users")),
                // each refused by the users' rules (redirect with a message), after the role was let through
                new Endpoint("POST /users", ADMIN, post("/users").param("name", "x").param("role", "AGENT")
                        .param("password", "short").param("again", "short")),
                new Endpoint("POST /users/disable", ADMIN, post("/users/disable").param("name", "nobody at all")),
                new Endpoint("POST /users/enable", ADMIN, post("/users/enable").param("name", "nobody at all")),
                new Endpoint("POST /users/password", ADMIN, post("/users/password").param("name", "nobody at all")
                        .param("password", "0123456789ab").param("again", "0123456789ab")),
                new Endpoint("GET /anything-else", Set.of(), get("/no-such-page")));
    }

    static Stream<Arguments> pageMatrix() {
        return pages().stream().flatMap(endpoint -> Stream.of(Who.values()).map(who -> Arguments.of(endpoint, who)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("pageMatrix")
    void everyPageIsOpenToItsRolesOnly(Endpoint endpoint, Who who) throws Exception {
        MockHttpServletRequestBuilder request = endpoint.request().with(csrf());
        if (who != Who.NOBODY) {
            request.with(user(who.name().toLowerCase()).roles(who.name()));
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        if (who == Who.NOBODY) {
            assertThat(status).as("no login: to the login page").isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        } else if (endpoint.allowed().contains(who)) {
            assertThat(status).as("allowed").isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(status).as("refused").isEqualTo(403);
        }
    }

    static Stream<Arguments> apiMatrix() {
        return Stream.of(Arguments.of(Who.NOBODY, 401), Arguments.of(Who.AGENT, 403), Arguments.of(Who.FINANCE, 200),
                Arguments.of(Who.AUDITOR, 200), Arguments.of(Who.ADMIN, 200));
    }

    @ParameterizedTest(name = "GET /api/runs as {0}: {1}")
    @MethodSource("apiMatrix")
    void apiRunsIsForTheRolesThatSeeEverything(Who who, int expected) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/runs");
        if (who != Who.NOBODY) {
            request.with(httpBasic(who.name().toLowerCase(), DeskFixture.PASSWORD));
        }
        mvc.perform(request).andExpect(status().is(expected));
    }

    @Test
    void anHtmxRequestWithoutALoginIsToldToLoadTheLoginPage() throws Exception {
        mvc.perform(get("/dashboard/verification").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    @Test
    void anApiPathWithoutARuleIsRefusedEvenToAnAdmin() throws Exception {
        mvc.perform(get("/api/no-such-thing").with(httpBasic("admin", DeskFixture.PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/users/disable").param("name", "agent").with(user("admin").roles("ADMIN")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/runs/2026-11-23/1/verify").with(user("finance").roles("FINANCE")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(user("admin").roles("ADMIN"))).andExpect(status().isForbidden());
    }

    @Test
    void theLoginFormLogsInAndAWrongPasswordOrAnUnknownNameAnswerAlike() throws Exception {
        mvc.perform(formLogin().user("finance").password(DeskFixture.PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user("finance").password("not the password")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("nobody-by-this-name").password("not the password"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void apiRefusalsDoNotTellWhetherTheNameExists() throws Exception {
        String wrongPassword = mvc.perform(get("/api/runs").with(httpBasic("finance", "not the password")))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String unknownName = mvc.perform(get("/api/runs").with(httpBasic("nobody-by-this-name", "not the password")))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        assertThat(unknownName).isEqualTo(wrongPassword);
    }

    @Test
    void basicAuthOnTheApiSetsNoSessionCookie_overRealHttp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/runs")))
                .header("Authorization", basic("auditor", DeskFixture.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"business_date\":\"2026-11-23\"").contains("\"state\":\"COMPLETED\"");
    }

    @Test
    void aPageSessionDoesNotOpenTheApi_andBasicDoesNotOpenThePages() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("admin").password(DeskFixture.PASSWORD))
                .andReturn().getRequest().getSession(false);
        assertThat(session).isNotNull();
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/runs").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/").with(httpBasic("admin", DeskFixture.PASSWORD))).andExpect(status().isFound());
    }

    @Test
    void fiveWrongPasswordsHoldTheAccount_alsoOverBasic() throws Exception {
        String name = DeskFixture.LOCKOUT_USER;
        mvc.perform(get("/api/runs").with(httpBasic(name, DeskFixture.PASSWORD))).andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/runs").with(httpBasic(name, "wrong " + i))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/runs").with(httpBasic(name, DeskFixture.PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(formLogin().user(name).password(DeskFixture.PASSWORD)).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(get("/login"), get("/api/runs"))) {
            mvc.perform(request)
                    .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"));
        }
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite_overRealHttp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("recon-desk=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void aLedgerIsOnlyEverOneOfTheSixFilesOfARecordedRun() throws Exception {
        String run = "/runs/2026-11-23/1/ledgers/";
        mvc.perform(get(run + "cancellations.csv").with(user("finance").roles("FINANCE")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"2026-11-23-1-cancellations.csv\""));
        for (String file : List.of("bagit.txt", "..%2F..%2Fbag-info.txt", "..%2Fmanifest-sha256.txt", "data%2Freport.pdf")) {
            int status = mvc.perform(get(run + file).with(user("finance").roles("FINANCE"))).andReturn()
                    .getResponse().getStatus();
            assertThat(status).as(file).isIn(400, 404);
        }
        mvc.perform(get("/runs/2026-11-23/9/ledgers/cancellations.csv").with(user("finance").roles("FINANCE")))
                .andExpect(status().isNotFound());
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
