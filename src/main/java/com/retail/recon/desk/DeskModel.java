package com.retail.recon.desk;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the user's role to show beside the name, and the CSRF header for htmx. */
@ControllerAdvice
class DeskModel {

    /** The logged-in user's role (AGENT, FINANCE, ...), or null on the login and error pages. */
    @ModelAttribute("deskRole")
    String deskRole(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                return name.substring("ROLE_".length());
            }
        }
        return null;
    }

    /**
     * The hx-headers value of the page's body: every htmx request sends the session's CSRF token as a header,
     * as every form sends it as a hidden field. Thymeleaf escapes the quotes in the attribute.
     */
    @ModelAttribute("htmxHeaders")
    String htmxHeaders(HttpServletRequest request) {
        Object token = request.getAttribute(CsrfToken.class.getName());
        if (!(token instanceof CsrfToken csrf)) {
            return null;
        }
        return "{\"" + csrf.getHeaderName() + "\": \"" + csrf.getToken() + "\"}";
    }
}
