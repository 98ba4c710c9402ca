package coop.cooperative.app.security;

import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Invitations to activate a login. The token is shown once, to whoever invited; only its
 * SHA-256 is stored. It works once and expires.
 */
@Service
public class Invitations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Duration validFor;

    Invitations(JdbcClient jdbc, Accounts accounts, PasswordEncoder passwords, Clock clock,
                @Value("${cooperative.invitations.valid-for:P14D}") Duration validFor) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.validFor = validFor;
    }

    /** Issues an invitation for this email and returns its token. */
    public String issue(String email, String displayName) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO invitations (token_hash, email, display_name, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash(token), Accounts.normalise(email), displayName, LocalDateTime.now(clock).plus(validFor))
                .update();
        return token;
    }

    /** Activates the invited person's login with the password they chose. */
    @Transactional
    public Account accept(String token, String password) {
        Invitation invitation = jdbc.sql("SELECT * FROM invitations WHERE token_hash = ?")
                .param(hash(token))
                .query((rs, row) -> new Invitation(rs.getString("email"), rs.getString("display_name"),
                        rs.getObject("expires_at", LocalDateTime.class), rs.getObject("accepted_at", LocalDateTime.class)))
                .optional()
                .orElseThrow(() -> new NotFound("No such invitation"));
        LocalDateTime now = LocalDateTime.now(clock);
        if (invitation.acceptedAt() != null) {
            throw new Conflict("This invitation was already used");
        }
        if (now.isAfter(invitation.expiresAt())) {
            throw new Conflict("This invitation expired; ask an admin for a new one");
        }
        if (accounts.exists(invitation.email())) {
            throw new Conflict("An account for this email already exists; sign in with its password");
        }
        int claimed = jdbc.sql("UPDATE invitations SET accepted_at = ? WHERE token_hash = ? AND accepted_at IS NULL")
                .params(now, hash(token))
                .update();
        if (claimed != 1) {
            throw new Conflict("This invitation was already used");
        }
        return accounts.create(invitation.email(), invitation.displayName(), passwords.encode(password), false);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private record Invitation(String email, String displayName, LocalDateTime expiresAt, LocalDateTime acceptedAt) {
    }
}
