package coop.cooperative.app.membership;

import coop.cooperative.core.membership.EmailFingerprints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The installation's key for email fingerprints: read from {@code installation_secrets}, or made
 * (32 random bytes) by the first node that starts; if two nodes start at once, the one that loses
 * the insert reads the winner's. The cooperative aggregate gets {@link EmailFingerprints} from Axon
 * as a handler parameter.
 */
@Configuration(proxyBeanMethods = false)
class EmailFingerprintKey {

    private static final String NAME = "email-fingerprint-key";

    @Bean
    EmailFingerprints emailFingerprints(JdbcClient jdbc) {
        return new EmailFingerprints(Base64.getDecoder().decode(read(jdbc).orElseGet(() -> create(jdbc))));
    }

    private static Optional<String> read(JdbcClient jdbc) {
        return jdbc.sql("SELECT secret FROM installation_secrets WHERE name = ?").param(NAME).query(String.class).optional();
    }

    private static String create(JdbcClient jdbc) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getEncoder().encodeToString(key);
        try {
            jdbc.sql("INSERT INTO installation_secrets (name, secret) VALUES (?, ?)").params(NAME, secret).update();
            return secret;
        } catch (DuplicateKeyException e) {
            return read(jdbc).orElseThrow(() -> e);
        }
    }
}
