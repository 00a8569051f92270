package com.retail.recon.desk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

import java.nio.charset.StandardCharsets;

/**
 * Who may reach what: every page and API path of the desk, and how people and scripts log in.
 *
 * <ul>
 * <li>{@code /api/**} (order 1): HTTP Basic only, for scripts. Stateless: no session is created or read, so
 * no cookie is set and none is honoured, which is why these paths need no CSRF token (a cross-site request
 * cannot ride on a session). Failures answer 401/403 in JSON.</li>
 * <li>Everything else (order 2): the pages, with a form login, a session cookie (HttpOnly, SameSite=Lax) and a
 * CSRF token on every form and htmx request (the X-CSRF-TOKEN header, set on the page's body with
 * hx-headers). Only the login page, the error page and static files (CSS, the htmx webjar, the icon) are open.</li>
 * </ul>
 * A path with no rule below is refused (denyAll), so a new page must say here which roles may see it. Both
 * chains send the same security headers: a Content-Security-Policy allowing scripts and styles from the desk
 * itself only (htmx comes from its webjar, served here; no inline script or style), nosniff, no framing.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String HX_REQUEST = "HX-Request";

    /** The roles that see everything (issue 18): all but AGENT, whose desk is its escalation cases. */
    static final String[] SEE_EVERYTHING = {"FINANCE", "AUDITOR", "ADMIN"};

    /** Every desk role: pages whose content the controller narrows with {@code users.CaseAccess}. */
    static final String[] EVERY_ROLE = {"AGENT", "FINANCE", "AUDITOR", "ADMIN"};
    /** The roles that work some cases (users.CaseAccess says which): all but AUDITOR. */
    static final String[] WORK_CASES = {"AGENT", "FINANCE", "ADMIN"};

    @Bean
    AuthenticationManager authenticationManager(DeskAuthentication deskAuthentication) {
        ProviderManager manager = new ProviderManager(deskAuthentication);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * {@code /actuator/**} (order 0), on the management port (management.server.*: 127.0.0.1:8081 by default):
     * exactly {@code GET /actuator/health} ({"status":"UP"}, no details: application.yml) and
     * {@code GET /actuator/prometheus} are open, for monitors and Prometheus; everything else of the actuator is
     * refused.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(apiForbiddenEntry())
                        .accessDeniedHandler(apiForbidden()));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers(HttpMethod.GET, "/api/runs").hasAnyRole(SEE_EVERYTHING)
                        // case page work: explain for every role (issue 18), the API description for anyone logged in
                        .requestMatchers(HttpMethod.GET, "/api/requests/*/explain", "/api/openapi.json")
                        .hasAnyRole(EVERY_ROLE)
                        // the cases: every role reads (an AGENT escalations only, decided by users.CaseAccess in
                        // the controller); AUDITOR changes nothing
                        .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/actions").hasAnyRole(WORK_CASES)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("recon desk").authenticationEntryPoint(apiUnauthorized()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(apiUnauthorized())
                        .accessDeniedHandler(apiForbidden()));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.svg")
                        .permitAll()
                        .requestMatchers("/", "/dashboard/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/cases").authenticated()
                        .requestMatchers(HttpMethod.POST, "/cases/actions").hasAnyRole(WORK_CASES)
                        .requestMatchers("/runs", "/runs/**").hasAnyRole(SEE_EVERYTHING)
                        .requestMatchers("/exports", "/exports/**").hasAnyRole(SEE_EVERYTHING)
                        .requestMatchers("/users", "/users/**").hasRole("ADMIN")
                        // case and request pages: every role; which cases it sees and works is CaseAccess's
                        .requestMatchers("/cases/*", "/cases/*/**", "/requests/*", "/requests/*/**").hasAnyRole(EVERY_ROLE)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(toLogin()))
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("recon-desk").permitAll())
                .httpBasic(basic -> basic.disable());
        headers(http);
        return http.build();
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }

    /**
     * Not logged in (or the session expired): a page goes to the login form; an htmx request (a fragment) gets
     * 401 with HX-Redirect, so that the whole page goes to the login form instead of the form landing inside the
     * fragment's place.
     */
    private static AuthenticationEntryPoint toLogin() {
        AuthenticationEntryPoint loginForm = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, e) -> {
            if (request.getHeader(HX_REQUEST) != null) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                response.setStatus(401);
            } else {
                loginForm.commence(request, response, e);
            }
        };
    }

    /** After the login, back to the page asked for; never to a fragment an htmx request asked for. */
    private static HttpSessionRequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(new NegatedRequestMatcher(new RequestHeaderRequestMatcher(HX_REQUEST)),
                request -> "GET".equals(request.getMethod())));
        return cache;
    }

    private static AuthenticationEntryPoint apiUnauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"recon desk\", charset=\"UTF-8\"");
            json(response, 401, "{\"error\":\"unauthorized\",\"message\":\"log in with HTTP Basic\"}");
        };
    }

    /** No login is asked for where none would help: the actuator's other paths are refused to everyone. */
    private static AuthenticationEntryPoint apiForbiddenEntry() {
        return (request, response, e) -> json(response, 403,
                "{\"error\":\"forbidden\",\"message\":\"only /actuator/health and /actuator/prometheus are served\"}");
    }

    private static AccessDeniedHandler apiForbidden() {
        return (request, response, e) -> json(response, 403,
                "{\"error\":\"forbidden\",\"message\":\"your role may not use this\"}");
    }

    private static void json(jakarta.servlet.http.HttpServletResponse response, int status, String body)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
