package com.retail.recon.desk;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The desk as {@code recon serve} runs it (a servlet web application on a real port) over {@link DeskFixture}'s
 * store; MockMvc for the rules, the port for the browser and for plain HTTP. The test classes share one
 * context (Spring caches it: same configuration, declared here once).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "server.address=127.0.0.1"})
@AutoConfigureMockMvc
abstract class DeskTestBase {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        DeskFixture.get().properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
