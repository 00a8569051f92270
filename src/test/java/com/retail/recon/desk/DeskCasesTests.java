package com.retail.recon.desk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The queue page, its bulk actions, the cases API and the dashboard's case figures: who reaches what (each role
 * and nobody), the API's statuses, and all-or-nothing. The sample's cases not CLOSED: exceptions 4, 6, 7, 8, 13,
 * 15; escalations 11 (overdue HIGH), 18, 21. The browser test acks 11, 18 and 21, so nothing here depends on
 * their state; what these tests change (a comment, an assignee) leaves every state as it was.
 */
class DeskCasesTests extends DeskTestBase {

    enum Who { NOBODY, AGENT, FINANCE, AUDITOR, ADMIN }

    private static final Set<Who> EVERYONE = Set.of(Who.AGENT, Who.FINANCE, Who.AUDITOR, Who.ADMIN);
    private static final Set<Who> WORK_CASES = Set.of(Who.AGENT, Who.FINANCE, Who.ADMIN);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Endpoint(String name, Set<Who> allowed, MockHttpServletRequestBuilder request) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> pageMatrix() {
        // each request changes nothing: the action form without a ticked case only says so
        List<Endpoint> pages = List.of(
                new Endpoint("GET /cases", EVERYONE, get("/cases")),
                new Endpoint("GET /cases filtered", EVERYONE, get("/cases").param("overdue", "true").param("priority", "HIGH")),
                new Endpoint("POST /cases/actions", WORK_CASES, post("/cases/actions").param("action", "ack")));
        return pages.stream().flatMap(endpoint -> Stream.of(Who.values()).map(who -> Arguments.of(endpoint, who)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("pageMatrix")
    void theQueuePagesAreOpenToTheirRolesOnly(Endpoint endpoint, Who who) throws Exception {
        MockHttpServletRequestBuilder request = endpoint.request().with(csrf());
        if (who != Who.NOBODY) {
            request.with(user(who.name().toLowerCase()).roles(who.name()));
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        if (who == Who.NOBODY) {
            assertThat(status).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        } else if (endpoint.allowed().contains(who)) {
            assertThat(status).isIn(200, 302);
        } else {
            assertThat(status).isEqualTo(403);
        }
    }

    static Stream<Arguments> apiMatrix() {
        String comment = "{\"action\": \"comment\", \"note\": \"checked by the role matrix\"}";
        return Stream.of(
                // GET /api/cases: every role (an AGENT gets escalations only)
                Arguments.of("GET /api/cases", supply(() -> get("/api/cases")), new int[]{401, 200, 200, 200, 200}),
                Arguments.of("GET /api/cases/18 (escalation)", supply(() -> get("/api/cases/18")), new int[]{401, 200, 200, 200, 200}),
                Arguments.of("GET /api/cases/4 (exception)", supply(() -> get("/api/cases/4")), new int[]{401, 403, 200, 200, 200}),
                Arguments.of("POST comment on 18 (escalation)", supply(() -> post("/api/cases/18/actions")
                        .contentType(MediaType.APPLICATION_JSON).content(comment)), new int[]{401, 200, 403, 403, 200}),
                Arguments.of("POST comment on 4 (exception)", supply(() -> post("/api/cases/4/actions")
                        .contentType(MediaType.APPLICATION_JSON).content(comment)), new int[]{401, 403, 200, 403, 200}),
                Arguments.of("GET /api/cases/999", supply(() -> get("/api/cases/999")), new int[]{401, 404, 404, 404, 404}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiMatrix")
    void theCasesApiAnswersEachRoleAndNobody(String name, java.util.function.Supplier<MockHttpServletRequestBuilder> request,
                                             int[] expected)
            throws Exception {
        Who[] everyone = Who.values();
        for (int i = 0; i < everyone.length; i++) {
            Who who = everyone[i];
            MockHttpServletRequestBuilder sent = request.get();
            if (who != Who.NOBODY) {
                sent = sent.with(httpBasic(who.name().toLowerCase(), DeskFixture.PASSWORD));
            }
            assertThat(mvc.perform(sent).andReturn().getResponse().getStatus()).as(name + " as " + who)
                    .isEqualTo(expected[i]);
        }
    }

    @Test
    void apiListing_pagedWithTheListingsFields_andAnAgentSeesEscalationsOnly() throws Exception {
        JsonNode all = json(get("/api/cases"), "auditor", 200);
        assertThat(all.get("total").asLong()).isEqualTo(9);
        assertThat(all.get("page").asInt()).isEqualTo(1);
        assertThat(all.get("size").asInt()).isEqualTo(50);
        assertThat(all.get("cases")).hasSize(9);
        JsonNode first = all.get("cases").get(0);
        assertThat(first.get("case_id").isNumber()).isTrue();
        assertThat(first.get("overdue").isBoolean()).isTrue();
        assertThat(fieldNames(first)).containsExactly("case_id", "kind", "type", "request_id", "order_id", "txn_id",
                "priority", "state", "assignee", "opened_on", "last_flagged_on", "closed_on", "due_on", "overdue",
                "reopen_count", "amount", "currency", "detail");

        JsonNode overdueHigh = json(get("/api/cases").param("overdue", "true").param("priority", "HIGH"), "finance", 200);
        assertThat(overdueHigh.get("total").asLong()).isEqualTo(1);
        assertThat(overdueHigh.get("cases").get(0).get("case_id").asLong()).isEqualTo(11);
        assertThat(overdueHigh.get("cases").get(0).get("overdue").asBoolean()).isTrue();

        JsonNode agent = json(get("/api/cases"), "agent", 200);
        assertThat(agent.get("total").asLong()).isEqualTo(3);
        assertThat(agent.get("cases").findValuesAsString("kind")).containsOnly("ESCALATION");

        JsonNode page = json(get("/api/cases").param("size", "4").param("page", "3"), "admin", 200);
        assertThat(page.get("total").asLong()).isEqualTo(9);
        assertThat(page.get("cases")).hasSize(1);
        JsonNode withClosed = json(get("/api/cases").param("state", "CLOSED"), "admin", 200);
        assertThat(withClosed.get("cases").findValuesAsString("state")).containsOnly("CLOSED");
        JsonNode searched = json(get("/api/cases").param("q", "TX-5005"), "admin", 200);
        assertThat(searched.get("cases").findValuesAsString("txn_id")).containsExactly("TX-5005");
    }

    @Test
    void apiListingRefusesValuesThatMeanNothing() throws Exception {
        for (String[] bad : List.of(new String[]{"state", "SHUT"}, new String[]{"kind", "BOTH"},
                new String[]{"priority", "LOW"}, new String[]{"overdue", "yes"}, new String[]{"size", "501"},
                new String[]{"size", "0"}, new String[]{"page", "0"}, new String[]{"page", "x"},
                new String[]{"sort", "customer"})) {
            JsonNode answer = json(get("/api/cases").param(bad[0], bad[1]), "admin", 400);
            assertThat(answer.get("error").asString()).isEqualTo("bad_request");
            assertThat(answer.get("message").asString()).as(bad[0]).contains(bad[0]);
        }
        assertThat(json(get("/api/cases").param("size", "500"), "admin", 200).get("size").asInt()).isEqualTo(500);
        assertThat(json(get("/api/cases").param("kind", "EXCEPTION"), "agent", 403).get("message").asString())
                .contains("does not see EXCEPTION");
        json(get("/api/cases/eleven"), "admin", 400);
    }

    @Test
    void apiActions_badInput400_unknown404_refused409_andA200ReturnsTheCaseWithItsEvents() throws Exception {
        for (String body : List.of("{\"action\": \"close\"}", "{}", "{\"action\": \"resolve\", \"disposition\": \"FIXED\"}",
                "{\"action\": \"resolve\", \"note\": \"done\"}", "{\"action\": \"resolve\", \"disposition\": \"MAYBE\", \"note\": \"x\"}",
                "{\"action\": \"assign\"}", "{\"action\": \"reopen\"}", "{\"action\": \"comment\", \"note\": \"  \"}",
                "[1, 2]", "not json")) {
            assertThat(act("13", body, "finance", 400).get("error").asString()).as(body).isEqualTo("bad_request");
        }
        assertThat(act("999", "{\"action\": \"ack\"}", "admin", 404).get("message").asString())
                .isEqualTo("case 999: no such case");
        long events = events();
        JsonNode refused = act("13", "{\"action\": \"reopen\", \"note\": \"why not\"}", "finance", 409);
        assertThat(refused.get("message").asString()).startsWith("case 13 is OPEN: reopen is not allowed; allowed: ");
        assertThat(events()).isEqualTo(events);

        JsonNode assigned = act("13", "{\"action\": \"assign\", \"to\": \"fin-desk\"}", "finance", 200);
        assertThat(assigned.get("case_id").asLong()).isEqualTo(13);
        assertThat(assigned.get("assignee").asString()).isEqualTo("fin-desk");
        assertThat(assigned.get("state").asString()).isEqualTo("OPEN");
        JsonNode last = assigned.get("events").get(assigned.get("events").size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo("finance");
        assertThat(last.get("action").asString()).isEqualTo("assign");
        assertThat(last.get("event_no").isNumber()).isTrue();

        JsonNode shown = json(get("/api/cases/13"), "auditor", 200);
        assertThat(shown.get("events").findValuesAsString("action")).contains("opened", "assign");
    }

    @Test
    void aBulkActionOnThePage_isAllOrNothing_andListsEachRefusal() throws Exception {
        JdbcTemplate jdbc = DeskFixture.get().store.jdbc();
        long events = events();
        String closed = jdbc.queryForObject("SELECT MIN(case_id) FROM recon_case WHERE state = 'CLOSED' "
                + "AND kind = 'EXCEPTION'", String.class);
        // a CLOSED case refuses ack, so case 6 stays OPEN too
        mvc.perform(post("/cases/actions").param("id", "6", closed, "7").param("action", "ack")
                        .param("back", "overdue=false&sort=due").with(csrf()).with(user("finance").roles("FINANCE")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/cases?overdue=false&sort=due"))
                .andExpect(flash().attribute("nothingChanged", true))
                .andExpect(flash().attribute("problems", List.of(
                        "case " + closed + " is CLOSED: ack is not allowed; allowed: comment")));
        // an escalation among exceptions: FINANCE does not work it, so nothing changes
        mvc.perform(post("/cases/actions").param("id", "6", "11").param("action", "assign").param("to", "x")
                        .with(csrf()).with(user("finance").roles("FINANCE")))
                .andExpect(flash().attribute("problems", List.of(
                        "case 11: the FINANCE role does not work ESCALATION cases")));
        mvc.perform(post("/cases/actions").param("id", "6").param("action", "resolve").param("disposition", "FIXED")
                        .with(csrf()).with(user("finance").roles("FINANCE")))
                .andExpect(flash().attribute("problems", List.of(
                        "Resolve needs a note: what was done, or why it stands.")));
        mvc.perform(post("/cases/actions").param("id", "6").param("action", "ack").param("back", "x=1\r\nLocation: //evil")
                        .with(csrf()).with(user("finance").roles("FINANCE")))
                .andExpect(redirectedUrl("/cases"));
        assertThat(state(jdbc, 6)).isEqualTo("IN_PROGRESS");
        assertThat(events()).isEqualTo(events + 1);
        assertThat(state(jdbc, Long.parseLong(closed))).isEqualTo("CLOSED");
        assertThat(state(jdbc, 7)).isEqualTo("OPEN");

        mvc.perform(post("/cases/actions").param("id", "7", "8").param("action", "assign").param("to", "fin-desk")
                        .with(csrf()).with(user("finance").roles("FINANCE")))
                .andExpect(flash().attribute("done", "Assigned to fin-desk: 2 cases (7, 8)."));
        mvc.perform(post("/cases/actions").param("id", "7").param("action", "ack")
                        .with(csrf()).with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cases/actions").param("id", "7").param("action", "ack").with(user("finance").roles("FINANCE")))
                .andExpect(status().isForbidden()); // no CSRF token
    }

    @Test
    void theQueueShowsWhatTheRoleSees_marksOverdueRows_andLinksEachCase() throws Exception {
        String agent = page(get("/cases"), "agent", "AGENT");
        assertThat(agent).contains("id=\"case-11\"", "id=\"case-18\"", "id=\"case-21\"").doesNotContain("id=\"case-4\"");
        assertThat(agent).contains("href=\"/cases/11\"").contains("id=\"bulk-ack\"").contains("id=\"pick-11\"");
        assertThat(agent).containsPattern("<tr id=\"case-11\" class=\"overdue\"");

        String finance = page(get("/cases"), "finance", "FINANCE");
        assertThat(finance).contains("id=\"case-4\"", "id=\"case-11\"", "1–9 of 9 cases");
        assertThat(finance).contains("id=\"pick-4\"").doesNotContain("id=\"pick-11\"");

        String auditor = page(get("/cases").param("overdue", "true").param("priority", "HIGH"), "auditor", "AUDITOR");
        assertThat(auditor).contains("id=\"case-11\"").doesNotContain("id=\"case-18\"").doesNotContain("id=\"bulk-bar\"")
                .contains("id=\"read-only\"");

        act("7", "{\"action\": \"assign\", \"to\": \"mine-tester\"}", "admin", 200);
        String mine = page(get("/cases").param("mine", "true"), "mine-tester", "FINANCE");
        assertThat(mine).contains("id=\"case-7\"").doesNotContain("id=\"case-4\"");
        String sorted = page(get("/cases").param("sort", "due").param("dir", "desc").param("page", "1"), "admin", "ADMIN");
        assertThat(sorted.indexOf("id=\"case-21\"")).isLessThan(sorted.indexOf("id=\"case-4\""));

        mvc.perform(get("/cases").param("state", "SHUT").with(user("admin").roles("ADMIN"))).andExpect(status().isBadRequest());
        mvc.perform(get("/cases").param("kind", "EXCEPTION").with(user("agent").roles("AGENT"))).andExpect(status().isForbidden());
    }

    @Test
    void markupInACaseIsShownAsText() throws Exception {
        act("15", "{\"action\": \"assign\", \"to\": \"<script>window.pwned=4</script>\"}", "admin", 200);
        String queue = page(get("/cases").param("q", "CR-1060"), "admin", "ADMIN");
        assertThat(queue).contains("&lt;script&gt;window.pwned=4&lt;/script&gt;").doesNotContain("<script>window.pwned");
    }

    @Test
    void theDashboardShowsCaseFiguresForWhatTheRoleSees() throws Exception {
        String finance = page(get("/"), "finance", "FINANCE");
        assertThat(finance).contains("id=\"case-figures\"").containsPattern("id=\"figure-open\">\\s*<span class=\"value\">9<")
                .containsPattern("id=\"figure-overdue-high\">\\s*<span class=\"value\">1<").contains("id=\"open-per-date\"");
        String agent = page(get("/"), "agent", "AGENT");
        assertThat(agent).containsPattern("id=\"figure-open\">\\s*<span class=\"value\">3<").contains("· escalations<");
    }

    private static java.util.function.Supplier<MockHttpServletRequestBuilder> supply(
            java.util.function.Supplier<MockHttpServletRequestBuilder> request) {
        return request;
    }

    private String page(MockHttpServletRequestBuilder request, String name, String role) throws Exception {
        MvcResult result = mvc.perform(request.with(user(name).roles(role))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private JsonNode json(MockHttpServletRequestBuilder request, String name, int status) throws Exception {
        MvcResult result = mvc.perform(request.with(httpBasic(name, DeskFixture.PASSWORD))).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode act(String id, String body, String name, int status) throws Exception {
        return json(post("/api/cases/" + id + "/actions").contentType(MediaType.APPLICATION_JSON).content(body), name,
                status);
    }

    private static long events() {
        Long count = DeskFixture.get().store.jdbc().queryForObject("SELECT COUNT(*) FROM recon_case_event", Long.class);
        return count == null ? 0 : count;
    }

    private static String state(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("SELECT state FROM recon_case WHERE case_id = ?", String.class, id);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
