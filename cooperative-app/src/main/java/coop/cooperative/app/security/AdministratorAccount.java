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
 * from COOPERATIVE_ADMIN_PASSWORD, or a strong generated one printed once in the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdministratorAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorAccount.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String email;
    private final String password;

    AdministratorAccount(Accounts accounts, PasswordEncoder passwords,
                         @Value("${cooperative.admin.email}") String email,
                         @Value("${cooperative.admin.password:}") String password) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.email = email;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        String chosen = password.isBlank() ? generated() : password;
        accounts.create(email, "Administrator", passwords.encode(chosen), true);
        if (password.isBlank()) {
            log.warn("Created the administrator account {} with the generated password {} "
                    + "(shown only this once; set COOPERATIVE_ADMIN_PASSWORD to choose it)", email, chosen);
        } else {
            log.info("Created the administrator account {} with the password from COOPERATIVE_ADMIN_PASSWORD", email);
        }
    }

    private static String generated() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
