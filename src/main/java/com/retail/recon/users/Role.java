package com.retail.recon.users;

/**
 * What a desk user may do (issue 18). Spring Security sees each as the authority {@code ROLE_<name>}; which
 * page and API path each role reaches is decided in one place, the desk's {@code SecurityConfiguration}.
 */
public enum Role {
    /** Customer service: sees and works escalation cases, reads explain; the dashboard. */
    AGENT("customer service: escalation cases and explain"),
    /** Sees everything, works exception cases, runs the audit exports. */
    FINANCE("finance: everything visible, exception cases, exports"),
    /** Sees everything, changes nothing (may still verify a bundle and take an export: both only read). */
    AUDITOR("auditor: everything visible, nothing changed"),
    /** Everything FINANCE and AUDITOR may, plus the users. */
    ADMIN("administrator: all of the above, plus users");

    private final String description;

    Role(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The role named (any case), or an IllegalArgumentException listing the roles. */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; one of AGENT, FINANCE, AUDITOR, ADMIN");
    }
}
