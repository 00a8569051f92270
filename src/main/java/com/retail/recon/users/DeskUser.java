package com.retail.recon.users;

import java.time.Instant;

/** A desk user as stored, without the password hash (which never leaves {@link Users}). */
public record DeskUser(String name, Role role, boolean enabled, Instant createdAt, int failedLogins,
                       Instant lockedUntil) {

    /** The day it was added (UTC). */
    public java.time.LocalDate createdOn() {
        return java.time.LocalDate.ofInstant(createdAt, java.time.ZoneOffset.UTC);
    }

    /** Held after too many wrong passwords, until {@link #lockedUntil}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
