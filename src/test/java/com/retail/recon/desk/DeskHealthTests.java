package com.retail.recon.desk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** /actuator/health for monitors and the reverse proxy: open, terse, and the only part of the actuator there is. */
class DeskHealthTests extends DeskTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void healthAnswersUpWithoutALogin_andWithoutDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(cookie().doesNotExist("recon-desk"));
        // the same for a logged-in ADMIN: never details or components
        mvc.perform(get("/actuator/health").with(httpBasic("admin", DeskFixture.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void nothingElseOfTheActuatorIsReachable_notEvenForAnAdmin() throws Exception {
        for (String path : List.of("/actuator", "/actuator/", "/actuator/health/db", "/actuator/health/diskSpace",
                "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info", "/actuator/env",
                "/actuator/beans", "/actuator/configprops", "/actuator/metrics", "/actuator/mappings",
                "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump", "/actuator/flyway",
                "/actuator/health;x=1", "/actuator/health/")) {
            mvc.perform(get(path)).andExpect(status().is(not(200)));
            mvc.perform(get(path).with(httpBasic("admin", DeskFixture.PASSWORD))).andExpect(status().is(not(200)));
            mvc.perform(get(path).with(user("admin").roles("ADMIN"))).andExpect(status().is(not(200)));
        }
        mvc.perform(post("/actuator/health")).andExpect(status().isForbidden());
        // no metrics behind it either (desk.DeskAutoConfigurationFilter)
        org.assertj.core.api.Assertions.assertThat(context.getBeanNamesForType(
                io.micrometer.core.instrument.MeterRegistry.class)).isEmpty();
        mvc.perform(post("/actuator/shutdown").with(user("admin").roles("ADMIN"))).andExpect(status().isForbidden());
    }
}
