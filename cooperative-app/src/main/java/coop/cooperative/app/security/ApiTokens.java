package coop.cooperative.app.security;

import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal API tokens. The token is shown once, when it is made; only its SHA-256 is stored, so
 * neither the database nor a log holds it. A token signs in as its owner's account: it carries
 * exactly the roles the owner holds at each request, so a member who left loses access at once.
 */
@Service
public class ApiTokens {

    /** Tokens start with this, so a scanner for leaked secrets can recognise them. */
    static final String PREFIX = "coop_";
    /** Last use is written at most this often per token: a write per request would cost more than the request. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Makes a token for this account; the answer is the only place its secret ever appears. */
    public Created create(UUID accountId, String name, LocalDate expiresOn) {
        // Within the cooperative's dates: a year such as +999999999 is no expiry, and PostgreSQL cannot store it.
        if (expiresOn != null && (expiresOn.isBefore(LocalDate.now(clock)) || expiresOn.isAfter(Dates.LATEST))) {
            throw new InvalidRequestException("expiresOn", "must be today or later, and not after " + Dates.LATEST);
        }
        String token = PREFIX + Tokens.random();
        Created created = new Created(UUID.randomUUID(), name.strip(), token, expiresOn, LocalDateTime.now(clock));
        jdbc.sql("INSERT INTO api_tokens (token_id, account_id, name, token_hash, created_at, expires_on) VALUES (?, ?, ?, ?, ?, ?)")
                .params(created.id(), accountId, created.name(), Tokens.hash(token), created.createdAt(), expiresOn)
                .update();
        return created;
    }

    /** This account's tokens, newest first, without their secrets. */
    public List<Token> of(UUID accountId) {
        return jdbc.sql("SELECT * FROM api_tokens WHERE account_id = ? ORDER BY created_at DESC, name")
                .param(accountId)
                .query((rs, row) -> new Token(rs.getObject("token_id", UUID.class), rs.getString("name"),
                        rs.getObject("expires_on", LocalDate.class), rs.getObject("created_at", LocalDateTime.class),
                        rs.getObject("last_used_at", LocalDateTime.class),
                        isExpired(rs.getObject("expires_on", LocalDate.class))))
                .list();
    }

    public void revoke(UUID accountId, UUID tokenId) {
        if (jdbc.sql("DELETE FROM api_tokens WHERE token_id = ? AND account_id = ?").params(tokenId, accountId).update() == 0) {
            throw new NotFound(Refusal.TOKEN_NOT_FOUND, "No token " + tokenId + " of yours", tokenId);
        }
    }

    /** The account a token signs in as, if the token exists and has not expired. */
    Optional<Account> accountOf(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT token_id, account_id, expires_on, last_used_at FROM api_tokens WHERE token_hash = ?")
                .param(Tokens.hash(token))
                .query((rs, row) -> new Stored(rs.getObject("token_id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getObject("expires_on", LocalDate.class), rs.getObject("last_used_at", LocalDateTime.class)))
                .optional()
                .filter(stored -> !isExpired(stored.expiresOn()))
                .flatMap(stored -> {
                    used(stored);
                    return accounts.byId(stored.accountId());
                });
    }

    private void used(Stored stored) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (stored.lastUsedAt() == null || stored.lastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
            jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE token_id = ?").params(now, stored.tokenId()).update();
        }
    }

    /** A token works through the day it expires on. */
    private boolean isExpired(LocalDate expiresOn) {
        return expiresOn != null && expiresOn.isBefore(LocalDate.now(clock));
    }

    /** A new token: {@code token} is its secret, shown this once. */
    public record Created(UUID id, String name, String token, LocalDate expiresOn, LocalDateTime createdAt) {
    }

    /** A token as its owner sees it later: never its secret. */
    public record Token(UUID id, String name, LocalDate expiresOn, LocalDateTime createdAt, LocalDateTime lastUsedAt,
                        boolean expired) {
    }

    private record Stored(UUID tokenId, UUID accountId, LocalDate expiresOn, LocalDateTime lastUsedAt) {
    }
}
