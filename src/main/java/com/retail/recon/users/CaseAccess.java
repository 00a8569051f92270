package com.retail.recon.users;

import com.retail.recon.cases.CaseKind;

/**
 * Which cases a desk role sees and works (issue 18): AGENT sees and works escalations only; FINANCE sees every
 * case and works exceptions; AUDITOR sees every case and changes nothing; ADMIN sees and works every case. The
 * desk's pages and its API both ask here, so they cannot disagree.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean sees(Role role, CaseKind kind) {
        return role != Role.AGENT || kind == CaseKind.ESCALATION;
    }

    public static boolean works(Role role, CaseKind kind) {
        switch (role) {
            case AGENT:
                return kind == CaseKind.ESCALATION;
            case FINANCE:
                return kind == CaseKind.EXCEPTION;
            case ADMIN:
                return true;
            default:
                return false;
        }
    }

    /** The kinds a role sees: a listing for an AGENT shows escalations only, whatever it asked for. */
    public static java.util.Set<CaseKind> visibleKinds(Role role) {
        java.util.Set<CaseKind> kinds = java.util.EnumSet.noneOf(CaseKind.class);
        for (CaseKind kind : CaseKind.values()) {
            if (sees(role, kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
