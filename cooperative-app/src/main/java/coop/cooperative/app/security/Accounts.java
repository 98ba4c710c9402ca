package coop.cooperative.app.security;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts table. Emails are kept in lower case so sign-in ignores case. At most one account
 * owns an email; accounts bound to a cooperative may share it (see {@link Account}).
 */
@Repository
public class Accounts {

    private static final RowMapper<Account> ACCOUNT = (rs, row) -> new Account(rs.getObject("account_id", UUID.class),
            rs.getString("email"), rs.getString("display_name"), rs.getString("password_hash"),
            rs.getBoolean("administrator"), rs.getObject("bound_to", UUID.class));

    private final JdbcClient jdbc;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The account that owns this email, if any. */
    public Optional<Account> owning(String email) {
        return jdbc.sql("SELECT * FROM accounts WHERE owned_email = ?").param(normalise(email)).query(ACCOUNT).optional();
    }

    /** Every account with this email, the owning one first: the candidates a sign-in tries. */
    List<Account> withEmail(String email) {
        return jdbc.sql("SELECT * FROM accounts WHERE email = ? ORDER BY bound_to NULLS FIRST, created_at")
                .param(normalise(email)).query(ACCOUNT).list();
    }

    public Optional<Account> byId(UUID accountId) {
        return jdbc.sql("SELECT * FROM accounts WHERE account_id = ?").param(accountId).query(ACCOUNT).optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single() == 0;
    }

    /** An account that owns its email: the installation's administrator, the demo's people, a mailed invitation's. */
    public Account create(String email, String displayName, String passwordHash, boolean administrator) {
        return insert(new Account(UUID.randomUUID(), normalise(email), displayName, passwordHash, administrator, null));
    }

    /** An account made from a link shown to an admin of this cooperative: it proves nothing about the email. */
    Account createBound(String email, String displayName, String passwordHash, UUID cooperativeId) {
        return insert(new Account(UUID.randomUUID(), normalise(email), displayName, passwordHash, false, cooperativeId));
    }

    /**
     * The email's owner proved it (a mailed link): they get the one account that owns it, with this
     * password. Accounts bound to a cooperative with the same email become that account: their
     * memberships and projects move to it and the bound logins end, so whoever made one without the
     * mailbox holds nothing any more.
     */
    @Transactional
    Account proven(String email, String displayName, String passwordHash) {
        String normalised = normalise(email);
        List<Account> all = withEmail(normalised);
        Account owner = all.isEmpty() ? create(normalised, displayName, passwordHash, false) : all.get(0);
        jdbc.sql("UPDATE accounts SET owned_email = ?, bound_to = NULL, password_hash = ? WHERE account_id = ?")
                .params(normalised, passwordHash, owner.accountId()).update();
        for (Account other : all.subList(Math.min(1, all.size()), all.size())) {
            for (String table : List.of("member_profiles", "project_clients")) {
                jdbc.sql("UPDATE " + table + " SET account_id = ? WHERE account_id = ?")
                        .params(owner.accountId(), other.accountId()).update();
            }
            jdbc.sql("DELETE FROM accounts WHERE account_id = ?").param(other.accountId()).update();
        }
        return byId(owner.accountId()).orElseThrow();
    }

    void changePassword(UUID accountId, String passwordHash) {
        jdbc.sql("UPDATE accounts SET password_hash = ? WHERE account_id = ?").params(passwordHash, accountId).update();
    }

    private Account insert(Account account) {
        jdbc.sql("""
                        INSERT INTO accounts (account_id, email, owned_email, bound_to, display_name, password_hash,
                                              administrator, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(account.accountId(), account.email(), account.ownsEmail() ? account.email() : null,
                        account.boundTo(), account.displayName(), account.passwordHash(), account.administrator(),
                        LocalDateTime.now(clock))
                .update();
        return account;
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
