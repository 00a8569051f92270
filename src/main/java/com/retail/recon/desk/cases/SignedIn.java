package com.retail.recon.desk.cases;

import com.retail.recon.users.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The logged-in user's desk role, from the authority {@code ROLE_<name>} Spring Security holds. */
final class SignedIn {

    private SignedIn() {
    }

    /** The role; null when the authentication carries none (then the user sees and works nothing). */
    static Role role(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    return Role.valueOf(name.substring("ROLE_".length()));
                } catch (IllegalArgumentException notADeskRole) {
                    // another authority: look further
                }
            }
        }
        return null;
    }
}
