package coop.cooperative.app.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The accounts table. Emails are kept in lower case so sign-in ignores case. */
@Repository
public class Accounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM accounts WHERE email = ?")
                .param(normalise(email))
                .query((rs, row) -> new Account(rs.getObject("account_id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("password_hash"), rs.getBoolean("administrator")))
                .optional();
    }

    public boolean exists(String email) {
        return findByEmail(email).isPresent();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single() == 0;
    }

    public Account create(String email, String displayName, String passwordHash, boolean administrator) {
        Account account = new Account(UUID.randomUUID(), normalise(email), displayName, passwordHash, administrator);
        jdbc.sql("""
                        INSERT INTO accounts (account_id, email, display_name, password_hash, administrator, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(account.accountId(), account.email(), displayName, passwordHash, administrator,
                        LocalDateTime.now(clock))
                .update();
        return account;
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
