package coop.cooperative.app.security;

import java.util.UUID;

/**
 * An account accepted an invitation: the membership ({@code memberId}) or the project's access
 * ({@code projectId}) is now that account's. Published in the accepting transaction, so the
 * membership and projects packages record it without security depending on them.
 */
public record InvitationAccepted(UUID accountId, String email, UUID cooperativeId, UUID memberId, UUID projectId) {
}
