package coop.cooperative.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * On the first start (no accounts yet) creates the installation's administrator: the password
 * from COOPERATIVE_ADMIN_PASSWORD, or a strong generated one printed once in the log. Started with
 * COOPERATIVE_ADMIN_RESET=true, it sets the administrator's password again the same way: how an
 * operator without mail gets back in (with mail, the administrator resets by mail like anyone).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdministratorAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorAccount.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String email;
    private final String password;
    private final boolean reset;

    AdministratorAccount(Accounts accounts, PasswordEncoder passwords,
                         @Value("${cooperative.admin.email}") String email,
                         @Value("${cooperative.admin.password:}") String password,
                         @Value("${cooperative.admin.reset:false}") boolean reset) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.email = email;
        this.password = password;
        this.reset = reset;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.isEmpty()) {
            String chosen = chosen();
            accounts.create(email, "Administrator", passwords.encode(chosen), true);
            announce("Created the administrator account", chosen);
        } else if (reset) {
            Account administrator = accounts.owning(email).filter(Account::administrator).orElse(null);
            if (administrator == null) {
                log.warn("COOPERATIVE_ADMIN_RESET: {} is not the installation's administrator; nothing reset", email);
                return;
            }
            String chosen = chosen();
            accounts.changePassword(administrator.accountId(), passwords.encode(chosen));
            announce("Reset the password of the administrator account", chosen);
            log.warn("Remove COOPERATIVE_ADMIN_RESET before the next start, or the password is reset again");
        }
    }

    private String chosen() {
        return password.isBlank() ? generated() : password;
    }

    private void announce(String what, String chosen) {
        if (password.isBlank()) {
            // INFO, which a default start shows: a fresh installation is no problem for an operator to look into
            log.info("{} {} with the generated password {} "
                    + "(shown only this once; set COOPERATIVE_ADMIN_PASSWORD to choose it)", what, email, chosen);
        } else {
            log.info("{} {} with the password from COOPERATIVE_ADMIN_PASSWORD", what, email);
        }
    }

    private static String generated() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
