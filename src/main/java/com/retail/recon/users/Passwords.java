package com.retail.recon.users;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;

/** The password rules and the one encoder (bcrypt) used to hash and check them. */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused. */
    public static final int MAX_BYTES = 72;

    private static final PasswordEncoder ENCODER = new BCryptPasswordEncoder(10);

    private Passwords() {
    }

    public static PasswordEncoder encoder() {
        return ENCODER;
    }

    /** Null when the password is acceptable, else why not (never the password itself). */
    public static String problem(CharSequence password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "a password needs at least " + MIN_LENGTH + " characters";
        }
        if (password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "a password can be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt ignores the rest)";
        }
        if (password.toString().isBlank()) {
            return "a password cannot be only spaces";
        }
        return null;
    }
}
