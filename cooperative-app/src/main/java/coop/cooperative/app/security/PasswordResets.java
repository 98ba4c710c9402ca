package coop.cooperative.app.security;

import coop.cooperative.app.mail.Letter;
import coop.cooperative.app.mail.Mailbox;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * Password reset by mail. Asking answers the same whether or not the email has a login; the link
 * goes to the mailbox only, works once and for a short time. Using it proves the email, so the
 * new password goes to the account that owns it (see {@link Accounts#proven}).
 */
@Service
public class PasswordResets {

    /** Open links per email at once: enough for a lost mail, too few to flood a mailbox. */
    static final int MOST_OPEN = 3;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Mailbox mail;
    private final Clock clock;
    private final Duration validFor;

    PasswordResets(JdbcClient jdbc, Accounts accounts, PasswordEncoder passwords, Mailbox mail, Clock clock,
                   @Value("${cooperative.password-resets.valid-for:PT1H}") Duration validFor) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.mail = mail;
        this.clock = clock;
        this.validFor = validFor;
    }

    /** Mails a reset link when the email has a login and mail is on; otherwise does nothing, and says so to no one. */
    @Transactional
    public void request(String email, Locale locale) {
        String normalised = Accounts.normalise(email);
        LocalDateTime now = LocalDateTime.now(clock);
        if (!mail.isOn() || accounts.withEmail(normalised).isEmpty() || openLinks(normalised, now) >= MOST_OPEN) {
            return;
        }
        String token = Tokens.random();
        jdbc.sql("INSERT INTO password_resets (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(Tokens.hash(token), normalised, now, now.plus(validFor))
                .update();
        mail.send(new Letter("password-reset:" + Tokens.hash(token), normalised, locale, "password-reset",
                Map.of("link", mail.baseUrl() + "/password-resets/" + token, "validMinutes", validFor.toMinutes())));
    }

    /** Sets the new password; the link, and every other open link for the email, works no more. */
    @Transactional
    public void reset(String token, String password) {
        Reset reset = jdbc.sql("SELECT email, expires_at, used_at FROM password_resets WHERE token_hash = ?")
                .param(Tokens.hash(token))
                .query((rs, row) -> new Reset(rs.getString("email"), rs.getObject("expires_at", LocalDateTime.class),
                        rs.getObject("used_at", LocalDateTime.class)))
                .optional()
                .orElseThrow(() -> new NotFound(Refusal.PASSWORD_RESET_NOT_FOUND, "No such password reset link"));
        LocalDateTime now = LocalDateTime.now(clock);
        if (reset.usedAt() != null || now.isAfter(reset.expiresAt())) {
            throw new Conflict(Refusal.PASSWORD_RESET_EXPIRED, "This link was used or has expired; ask for a new one");
        }
        String problem = password == null || password.isBlank() ? "is required" : Passphrase.Check.problem(password);
        if (problem != null) {
            throw new InvalidRequestException("password", problem);
        }
        int used = jdbc.sql("UPDATE password_resets SET used_at = ? WHERE email = ? AND used_at IS NULL")
                .params(now, reset.email())
                .update();
        var logins = accounts.withEmail(reset.email());
        if (used == 0 || logins.isEmpty()) {
            throw new Conflict(Refusal.PASSWORD_RESET_EXPIRED, "This link was used or has expired; ask for a new one");
        }
        accounts.proven(reset.email(), logins.get(0).displayName(), passwords.encode(password));
    }

    private long openLinks(String email, LocalDateTime now) {
        return jdbc.sql("SELECT COUNT(*) FROM password_resets WHERE email = ? AND used_at IS NULL AND expires_at > ?")
                .params(email, now)
                .query(Long.class)
                .single();
    }

    private record Reset(String email, LocalDateTime expiresAt, LocalDateTime usedAt) {
    }
}
