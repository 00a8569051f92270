package com.retail.recon.users;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The login check and its lockout, against a migrated store. */
class UsersTests {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path folder;

    private Users users;

    @BeforeEach
    void store() {
        TestStore store = TestStore.h2(folder);
        assertThat(Recon.run(store, "status").exitCode()).isZero(); // creates and migrates the store
        users = new Users(store.jdbc());
        users.add("carol", Role.FINANCE, "carol's password", T0);
    }

    @Test
    void theRightPasswordLogsIn_aWrongOneOrAnUnknownNameDoesNot() {
        assertThat(users.authenticate("carol", "carol's password", T0)).map(DeskUser::role).contains(Role.FINANCE);
        assertThat(users.authenticate("carol", "not carol's password", T0)).isEmpty();
        assertThat(users.authenticate("Carol", "carol's password", T0)).as("names are exact").isEmpty();
        assertThat(users.authenticate("dave", "carol's password", T0)).isEmpty();
        assertThat(users.authenticate(null, null, T0)).isEmpty();
    }

    @Test
    void theFifthWrongPasswordInARowHoldsTheAccountFor15Minutes() {
        for (int i = 0; i < 4; i++) {
            assertThat(users.authenticate("carol", "wrong", T0)).isEmpty();
        }
        assertThat(users.authenticate("carol", "carol's password", T0)).as("four wrong, then right").isPresent();
        for (int i = 0; i < 5; i++) {
            users.authenticate("carol", "wrong", T0);
        }
        assertThat(users.authenticate("carol", "carol's password", T0.plusSeconds(14 * 60 + 59))).isEmpty();
        assertThat(users.find("carol").orElseThrow().lockedAt(T0.plusSeconds(60))).isTrue();
        assertThat(users.authenticate("carol", "carol's password", T0.plusSeconds(15 * 60))).isPresent();
        assertThat(users.find("carol").orElseThrow().lockedUntil()).as("cleared by the good login").isNull();
    }

    @Test
    void aDisabledUserCannotLogIn_andANewPasswordLiftsAHold() {
        users.add("erin", Role.ADMIN, "erin's password", T0);
        users.disable("carol");
        assertThat(users.authenticate("carol", "carol's password", T0)).isEmpty();
        users.enable("carol");
        for (int i = 0; i < 5; i++) {
            users.authenticate("carol", "wrong", T0);
        }
        users.setPassword("carol", "a brand new password");
        assertThat(users.authenticate("carol", "a brand new password", T0)).isPresent();
        assertThatThrownBy(() -> users.disable("erin")).hasMessageContaining("last enabled ADMIN");
    }

    @Test
    void namesAndPasswordsFollowTheRules() {
        assertThat(UserNames.problem("<script>alert(1)</script>")).isNull();
        assertThat(UserNames.problem("a\u001b[31mb")).contains("control");
        assertThat(UserNames.problem(" padded")).contains("space");
        assertThat(UserNames.problem("x".repeat(65))).contains("64");
        assertThat(Passwords.problem("x".repeat(73))).contains("72 bytes");
        assertThat(Passwords.problem("ü".repeat(37))).as("74 bytes in UTF-8").contains("72 bytes");
        assertThat(Passwords.problem("          ")).contains("spaces");
    }
}
