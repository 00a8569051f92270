package com.retail.recon.users;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The desk's users in the store (table desk_user): added, listed, disabled and enabled, given a new password,
 * and the login check itself with its lockout. Passwords arrive as character sequences, are hashed with bcrypt
 * ({@link Passwords}) and are never stored, returned or put into a message.
 */
@Component
public class Users {

    /** The fifth wrong password in a row holds the account for {@link #HOLD}; a good one resets the count. */
    public static final int MAX_FAILURES = 5;
    public static final Duration HOLD = Duration.ofMinutes(15);

    /** A refusal a person can act on (exit 2 on the command line, a message on the Users page). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private record Stored(DeskUser user, String hash) {
    }

    private static final String COLUMNS = "name, role, enabled, created_at, failed_logins, locked_until, password_hash";

    private static final RowMapper<Stored> STORED = (rs, n) -> {
        long locked = rs.getLong("locked_until");
        Instant lockedUntil = rs.wasNull() ? null : Instant.ofEpochMilli(locked);
        return new Stored(new DeskUser(rs.getString("name"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"), Instant.ofEpochMilli(rs.getLong("created_at")), rs.getInt("failed_logins"),
                lockedUntil), rs.getString("password_hash"));
    };

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder = Passwords.encoder();

    public Users(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String name, Role role, CharSequence password, Instant now) {
        check(UserNames.problem(name));
        check(Passwords.problem(password));
        Optional<DeskUser> same = findIgnoringCase(name);
        if (same.isPresent()) {
            throw new Refused("a user '" + same.get().name() + "' already exists");
        }
        try {
            jdbc.update("INSERT INTO desk_user (name, name_key, role, password_hash, enabled, created_at, failed_logins)"
                    + " VALUES (?, ?, ?, ?, TRUE, ?, 0)", name, key(name), role.name(), encoder.encode(password),
                    now.toEpochMilli());
        } catch (DuplicateKeyException e) {
            throw new Refused("a user '" + name + "' already exists");
        }
    }

    /** Every user, by name. */
    public List<DeskUser> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM desk_user ORDER BY name_key, name", STORED).stream()
                .map(Stored::user).toList();
    }

    public Optional<DeskUser> find(String name) {
        return stored(name).map(Stored::user);
    }

    /** Disabled users cannot log in; the last enabled ADMIN cannot be disabled (nobody could add users then). */
    public void disable(String name) {
        DeskUser user = existing(name);
        if (user.role() == Role.ADMIN && user.enabled() && enabledAdmins() == 1) {
            throw new Refused("'" + name + "' is the last enabled ADMIN; add or enable another ADMIN first");
        }
        jdbc.update("UPDATE desk_user SET enabled = FALSE WHERE name = ?", name);
    }

    public void enable(String name) {
        existing(name);
        jdbc.update("UPDATE desk_user SET enabled = TRUE, failed_logins = 0, locked_until = NULL WHERE name = ?", name);
    }

    /** A new password; also lifts a lockout. */
    public void setPassword(String name, CharSequence password) {
        existing(name);
        check(Passwords.problem(password));
        jdbc.update("UPDATE desk_user SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE name = ?",
                encoder.encode(password), name);
    }

    /**
     * The login check: the user when the name is known, enabled, not held and the password right. A wrong
     * password counts towards the lockout. Every refusal looks the same to the caller, and bcrypt runs once
     * whatever the reason (an unknown name is checked against a dummy hash), so neither the answer nor its
     * time tells whether a name exists.
     */
    public Optional<DeskUser> authenticate(String name, CharSequence password, Instant now) {
        Optional<Stored> stored = name == null ? Optional.empty() : stored(name);
        boolean matches = password != null
                && encoder.matches(password, stored.map(Stored::hash).orElse(DummyHash.VALUE));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        DeskUser user = stored.get().user();
        if (!user.enabled() || user.lockedAt(now)) {
            return Optional.empty();
        }
        if (!matches) {
            jdbc.update("UPDATE desk_user SET"
                    + " locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END,"
                    + " failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END"
                    + " WHERE name = ?", MAX_FAILURES, now.plus(HOLD).toEpochMilli(), MAX_FAILURES, name);
            return Optional.empty();
        }
        if (user.failedLogins() > 0 || user.lockedUntil() != null) {
            jdbc.update("UPDATE desk_user SET failed_logins = 0, locked_until = NULL WHERE name = ?", name);
        }
        return Optional.of(user);
    }

    private int enabledAdmins() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM desk_user WHERE role = 'ADMIN' AND enabled = TRUE",
                Integer.class);
        return n == null ? 0 : n;
    }

    private DeskUser existing(String name) {
        return find(name).orElseThrow(() -> new Refused("no user '" + name + "'"));
    }

    private Optional<Stored> stored(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM desk_user WHERE name = ?", STORED, name).stream().findFirst();
    }

    private Optional<DeskUser> findIgnoringCase(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM desk_user WHERE name_key = ?", STORED, key(name)).stream()
                .findFirst().map(Stored::user);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void check(String problem) {
        if (problem != null) {
            throw new Refused(problem);
        }
    }

    /** A bcrypt hash of nothing anyone knows, made once: what an unknown name's password is checked against. */
    private static final class DummyHash {
        static final String VALUE = Passwords.encoder().encode(java.util.UUID.randomUUID().toString());
    }
}
