package coop.cooperative.core.membership;

import coop.cooperative.core.shared.CooperativeId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What the event store keeps of an email: an HMAC-SHA256 over the cooperative and the normalised
 * address, under a key the installation keeps outside the events. It lets the aggregate refuse a
 * second membership for the same email without storing the email; without the key, a list of
 * guessed addresses cannot be matched against the events (a plain hash could be). Salting with the
 * cooperative keeps members unlinkable across cooperatives. Axon hands the installation's instance
 * to the command handlers that need it.
 */
public final class EmailFingerprints {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public EmailFingerprints(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the fingerprint key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String of(CooperativeId cooperativeId, String email) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised(cooperativeId, email)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
        }
    }

    /**
     * The plain SHA-256 that members who joined before the key was introduced carry in their
     * events; still compared, so they too can join only once.
     */
    static String unkeyed(CooperativeId cooperativeId, String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised(cooperativeId, email)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] normalised(CooperativeId cooperativeId, String email) {
        return (cooperativeId + ":" + email.trim().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
    }
}
