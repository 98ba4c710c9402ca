package coop.cooperative.app.security;

import java.util.UUID;

/** A person's login. Lives in the accounts table, never in events. */
public record Account(UUID accountId, String email, String displayName, String passwordHash, boolean administrator) {
}
