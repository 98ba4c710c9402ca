package coop.cooperative.app.security;

import java.util.UUID;

/**
 * A person's login. Lives in the accounts table, never in events. {@code boundTo} is null when the
 * account owns its email; otherwise the one cooperative whose admin was shown the link that made it
 * (an installation without mail), where alone it may be found.
 */
public record Account(UUID accountId, String email, String displayName, String passwordHash, boolean administrator,
                      UUID boundTo) {

    public boolean ownsEmail() {
        return boundTo == null;
    }
}
