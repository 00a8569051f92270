package com.retail.recon.users;

import com.retail.recon.cases.CaseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseAccessTests {

    @Test
    void agentsSeeAndWorkEscalationsOnly() {
        assertThat(CaseAccess.sees(Role.AGENT, CaseKind.ESCALATION)).isTrue();
        assertThat(CaseAccess.sees(Role.AGENT, CaseKind.EXCEPTION)).isFalse();
        assertThat(CaseAccess.works(Role.AGENT, CaseKind.ESCALATION)).isTrue();
        assertThat(CaseAccess.works(Role.AGENT, CaseKind.EXCEPTION)).isFalse();
    }

    @Test
    void financeSeesEverything_andWorksExceptions() {
        assertThat(CaseAccess.visibleKinds(Role.FINANCE)).containsExactlyInAnyOrder(CaseKind.values());
        assertThat(CaseAccess.works(Role.FINANCE, CaseKind.EXCEPTION)).isTrue();
        assertThat(CaseAccess.works(Role.FINANCE, CaseKind.ESCALATION)).isFalse();
    }

    @Test
    void auditorsSeeEverything_andChangeNothing_adminsWorkEverything() {
        assertThat(CaseAccess.visibleKinds(Role.AUDITOR)).containsExactlyInAnyOrder(CaseKind.values());
        for (CaseKind kind : CaseKind.values()) {
            assertThat(CaseAccess.works(Role.AUDITOR, kind)).isFalse();
            assertThat(CaseAccess.works(Role.ADMIN, kind)).isTrue();
        }
    }
}
