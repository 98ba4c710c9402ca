package coop.cooperative.app.security;

import coop.cooperative.app.axon.AuditMetadata;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

import java.util.UUID;

/**
 * The principal of a signed-in request. Its user id (the account id, not the email) is what the
 * audit metadata of events records.
 */
public class SignedInAccount extends User implements AuditMetadata.UserIdentified {

    private final UUID accountId;
    private final String displayName;

    /** For the installation acting on someone's behalf (the demo seeding as its founder); sign-in makes its own. */
    public static SignedInAccount of(Account account) {
        return new SignedInAccount(account);
    }

    SignedInAccount(Account account) {
        super(account.email(), account.passwordHash(), account.administrator()
                ? AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_ADMINISTRATOR")
                : AuthorityUtils.createAuthorityList("ROLE_USER"));
        this.accountId = account.accountId();
        this.displayName = account.displayName();
    }

    public UUID accountId() {
        return accountId;
    }

    public String email() {
        return getUsername();
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public String userId() {
        return accountId.toString();
    }

    /** The account, not the email: two accounts may share an email (one owning it, one bound to a cooperative). */
    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInAccount that && accountId.equals(that.accountId);
    }

    @Override
    public int hashCode() {
        return accountId.hashCode();
    }
}
