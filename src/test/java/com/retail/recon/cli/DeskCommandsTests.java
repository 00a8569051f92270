package com.retail.recon.cli;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.WebApplicationContext;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** recon users and recon serve from the command line, and the other commands staying non-web applications. */
class DeskCommandsTests {

    @TempDir
    Path folder;

    @AfterEach
    void restoreStdin() {
        UsersCommand.stdin = System.in;
    }

    private Recon.Outcome users(TestStore store, String stdin, String... args) {
        UsersCommand.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        List<String> all = new ArrayList<>(List.of("users"));
        all.addAll(List.of(args));
        return Recon.run(store, all.toArray(String[]::new));
    }

    @Test
    void usersAreAddedListedDisabledAndEnabled_withThePasswordFromStdin() {
        TestStore store = TestStore.h2(folder);

        assertThat(users(store, "first admin password\n", "add", "alice", "--role", "ADMIN", "--password-stdin")
                .out()).contains("added alice (ADMIN)");
        assertThat(users(store, "an agent password\r\n", "add", "bob", "--role", "agent", "--password-stdin")
                .exitCode()).isZero();
        Recon.Outcome list = users(store, "", "list");
        assertThat(list.out()).containsPattern("alice\\s+ADMIN\\s+enabled").containsPattern("bob\\s+AGENT\\s+enabled")
                .doesNotContain("password");
        assertThat(store.jdbc().queryForObject("SELECT password_hash FROM desk_user WHERE name = 'bob'", String.class))
                .startsWith("$2a$10$").doesNotContain("an agent password");

        assertThat(users(store, "", "disable", "bob").exitCode()).isZero();
        assertThat(users(store, "", "list").out()).containsPattern("bob\\s+AGENT\\s+disabled");
        assertThat(users(store, "", "enable", "bob").exitCode()).isZero();
        assertThat(users(store, "another password!\n", "password", "bob", "--password-stdin").out())
                .contains("new password set for bob");
    }

    @Test
    void usersRefusesWhatItMust() {
        TestStore store = TestStore.h2(folder);
        users(store, "first admin password\n", "add", "alice", "--role", "ADMIN", "--password-stdin");

        assertThat(users(store, "short\n", "add", "bob", "--role", "AGENT", "--password-stdin").err())
                .contains("at least 10 characters");
        assertThat(users(store, "long enough password\n", "add", "ALICE", "--role", "AGENT", "--password-stdin").err())
                .contains("a user 'alice' already exists");
        assertThat(users(store, "long enough password\n", "add", "bob", "--role", "BOSS", "--password-stdin").err())
                .contains("unknown role 'BOSS'");
        assertThat(users(store, "long enough password\n", "add", "a:b", "--role", "AGENT", "--password-stdin").err())
                .contains("cannot hold ':'");
        assertThat(users(store, "", "add", "bob", "--role", "AGENT", "--password-stdin").err())
                .contains("no password on standard input");
        Recon.Outcome lastAdmin = users(store, "", "disable", "alice");
        assertThat(lastAdmin.exitCode()).isEqualTo(2);
        assertThat(lastAdmin.err()).contains("last enabled ADMIN");
        assertThat(users(store, "", "disable", "nobody").err()).contains("no user 'nobody'");
    }

    @Test
    void thePasswordIsNeverAnOption() {
        Recon.Outcome outcome = Recon.run(TestStore.h2(folder), "users", "add", "bob", "--role", "AGENT",
                "--password", "secret123456");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("a password is never an argument").doesNotContain("secret123456");
        assertThat(Recon.run(TestStore.h2(folder), "users", "add", "--help").out())
                .contains("--password-stdin").contains("never an argument");
    }

    @Test
    void theOtherCommandsAreNoWebApplications_noServerNoSecurityNoGeneratedPassword() {
        TestStore store = TestStore.h2(folder);
        Recon.Outcome status = Recon.run(store, "status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out() + status.err()).doesNotContainIgnoringCase("password").doesNotContain("Tomcat");

        ReconCommand.springArguments.clear();
        ReconCommand.springArguments.addAll(store.springArguments());
        try (ConfigurableApplicationContext context = Store.openForReading()) {
            assertThat(context).isNotInstanceOf(WebApplicationContext.class);
            assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
            assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
            assertThat(context.containsBean("springSecurityFilterChain")).isFalse();
            assertThat(context.containsBean("thymeleafViewResolver")).isFalse();
            assertThat(context.containsBean("dispatcherServlet")).isFalse();
        } finally {
            ReconCommand.springArguments.clear();
        }
    }

    @Test
    void serveStartsTheDeskBehindALoginAndStopsWhenClosed() throws Exception {
        TestStore store = TestStore.h2(folder);
        users(store, "first admin password\n", "add", "alice", "--role", "ADMIN", "--password-stdin");
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--management.server.port=0"));
        args.addAll(store.springArguments());
        CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> ReconCommand.execute(args.toArray(String[]::new)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ServeCommand.running == null && !serve.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        ConfigurableApplicationContext desk = ServeCommand.running;
        assertThat(desk).as("serve started").isNotNull();
        try {
            String port = desk.getEnvironment().getProperty("local.server.port");
            assertThat(desk.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
            assertThat(desk.getBeanNamesForType(UserDetailsService.class)).as("no generated user").isEmpty();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("Log in");
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "alice:first admin password".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).isEqualTo("{\"runs\":[]}");
            // monitoring on the management port, loopback, no login (README "Monitoring")
            String management = desk.getEnvironment().getProperty("local.management.port");
            assertThat(management).isNotEqualTo(port);
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + management + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("recon_cases{").contains("recon_last_success_timestamp_seconds{");
        } finally {
            desk.close();
        }
        assertThat(serve.get(30, TimeUnit.SECONDS)).isZero();
    }
}
