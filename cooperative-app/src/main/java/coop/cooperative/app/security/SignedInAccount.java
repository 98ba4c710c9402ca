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

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
