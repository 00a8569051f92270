package com.retail.recon.desk.cases;

import com.retail.recon.users.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The desk role of the logged-in user, from Spring Security's ROLE_ authority. */
final class DeskRoles {

    private DeskRoles() {
    }

    /** The user's role; a login without one (none is ever made) sees and works nothing, like an AUDITOR. */
    static Role of(Authentication authentication) {
        if (authentication != null) {
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                String name = authority.getAuthority();
                if (name != null && name.startsWith("ROLE_")) {
                    try {
                        return Role.valueOf(name.substring("ROLE_".length()));
                    } catch (IllegalArgumentException e) {
                        // not a desk role: look further
                    }
                }
            }
        }
        return Role.AUDITOR;
    }
}
