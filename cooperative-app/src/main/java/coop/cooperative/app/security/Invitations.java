package coop.cooperative.app.security;

import coop.cooperative.app.mail.Letter;
import coop.cooperative.app.mail.Mailbox;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations to a membership or to a project. With mail, the link goes to the invitee's mailbox
 * and proves the email: accepting it makes (or finds) the account that owns that email. Without
 * mail, the link is shown to the admin, proves nothing about the email, and makes an account bound
 * to that cooperative, which no other cooperative's invitation finds. Either way only a hash of the
 * token is stored, and it works once before it expires.
 */
@Service
public class Invitations {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Mailbox mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration validFor;

    Invitations(JdbcClient jdbc, Accounts accounts, PasswordEncoder passwords, Mailbox mail,
                ApplicationEventPublisher events, Clock clock,
                @Value("${cooperative.invitations.valid-for:P14D}") Duration validFor) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.validFor = validFor;
    }

    /**
     * Invites someone; {@code invitedTo} names the cooperative or project in the mail. Answers the
     * token to show the admin, or empty when it went by mail (then no one but the invitee sees it).
     */
    public Optional<String> issue(Invite invite) {
        String token = Tokens.random();
        String email = Accounts.normalise(invite.email());
        jdbc.sql("""
                        INSERT INTO invitations (token_hash, email, display_name, expires_at, cooperative_id, member_id,
                                                 project_id, mailed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Tokens.hash(token), email, invite.name(), LocalDateTime.now(clock).plus(validFor),
                        invite.cooperativeId(), invite.memberId(), invite.projectId(), mail.isOn())
                .update();
        if (!mail.isOn()) {
            return Optional.of(token);
        }
        // The mail may say that a login exists: only the owner of the mailbox reads it.
        mail.send(new Letter("invitation:" + Tokens.hash(token), email, LocaleContextHolder.getLocale(), "invitation",
                Map.of("name", invite.name(), "invitedTo", invite.invitedTo(),
                        "link", mail.baseUrl() + "/invitations/" + token,
                        "hasLogin", accounts.owning(email).isPresent(), "validDays", validFor.toDays())));
        return Optional.empty();
    }

    /** What the invitation page shows: to whom, and whether accepting needs a new password. */
    public Pending pending(String token) {
        Invitation invitation = open(token);
        return new Pending(invitation.email(), invitation.mailed() && accounts.owning(invitation.email()).isPresent());
    }

    /**
     * Accepts the invitation for the account it belongs to: the signed-in account when it owns the
     * invitee's email; with a mailed link, the account that owns the email (made with this password if
     * there is none); with a shown link, a new account bound to the inviting cooperative.
     */
    @Transactional
    public Account accept(String token, String password, SignedInAccount signedIn) {
        Invitation invitation = open(token);
        Account account = accountFor(invitation, password, signedIn);
        int claimed = jdbc.sql("UPDATE invitations SET accepted_at = ? WHERE token_hash = ? AND accepted_at IS NULL")
                .params(LocalDateTime.now(clock), Tokens.hash(token))
                .update();
        if (claimed != 1) {
            throw new Conflict(Refusal.INVITATION_USED, "This invitation was already used");
        }
        events.publishEvent(new InvitationAccepted(account.accountId(), invitation.email(), invitation.cooperativeId(),
                invitation.memberId(), invitation.projectId()));
        return account;
    }

    private Account accountFor(Invitation invitation, String password, SignedInAccount signedIn) {
        Optional<Account> owner = accounts.owning(invitation.email());
        if (signedIn != null && owner.map(o -> o.accountId().equals(signedIn.accountId())).orElse(false)) {
            return owner.get();
        }
        if (invitation.mailed() && owner.isPresent()) {
            if (password != null) {
                throw new InvalidRequestException("password", "must be left out: this email has a login, which the "
                        + "invitation joins (forgot its password? ask for a reset)");
            }
            return owner.get();
        }
        if (password == null || password.isBlank()) {
            throw new InvalidRequestException("password", "is required");
        }
        String problem = Passphrase.Check.problem(password);
        if (problem != null) {
            throw new InvalidRequestException("password", problem);
        }
        if (invitation.mailed()) {
            return accounts.proven(invitation.email(), invitation.displayName(), passwords.encode(password));
        }
        // Two logins of one email told apart by the password alone must not share it. Refusing says
        // only that the password is taken, which tells nothing to anyone who does not already know it.
        if (accounts.withEmail(invitation.email()).stream().anyMatch(a -> passwords.matches(password, a.passwordHash()))) {
            throw new InvalidRequestException("password", "choose a password you use for no other login");
        }
        return accounts.createBound(invitation.email(), invitation.displayName(), passwords.encode(password),
                invitation.cooperativeId());
    }

    private Invitation open(String token) {
        Invitation invitation = jdbc.sql("SELECT * FROM invitations WHERE token_hash = ?")
                .param(Tokens.hash(token))
                .query((rs, row) -> new Invitation(rs.getString("email"), rs.getString("display_name"),
                        rs.getObject("expires_at", LocalDateTime.class), rs.getObject("accepted_at", LocalDateTime.class),
                        rs.getObject("cooperative_id", UUID.class), rs.getObject("member_id", UUID.class),
                        rs.getObject("project_id", UUID.class), rs.getBoolean("mailed")))
                .optional()
                .orElseThrow(() -> new NotFound(Refusal.INVITATION_NOT_FOUND, "No such invitation"));
        if (invitation.acceptedAt() != null) {
            throw new Conflict(Refusal.INVITATION_USED, "This invitation was already used");
        }
        if (LocalDateTime.now(clock).isAfter(invitation.expiresAt())) {
            throw new Conflict(Refusal.INVITATION_EXPIRED, "This invitation expired; ask an admin for a new one");
        }
        return invitation;
    }

    /** Whom to invite, to what: a membership ({@code memberId}) or a project ({@code projectId}). */
    public record Invite(String email, String name, String invitedTo, UUID cooperativeId, UUID memberId,
                         UUID projectId) {
    }

    /** An open invitation as its page shows it; {@code joinsLogin}: a mailed one to an email that has a login. */
    public record Pending(String email, boolean joinsLogin) {
    }

    private record Invitation(String email, String displayName, LocalDateTime expiresAt, LocalDateTime acceptedAt,
                              UUID cooperativeId, UUID memberId, UUID projectId, boolean mailed) {
    }
}
