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
 * An email's fingerprint: an HMAC-SHA256 over the cooperative and the normalised address. Without
 * the key, a list of guessed addresses cannot be matched against the events (a plain hash could be);
 * salting with the cooperative keeps members unlinkable across cooperatives. Since members have keys
 * of their own ({@link EmailFingerprints}), the key is the member's; before, it was the
 * installation's, and before that there was none ({@link #unkeyed}).
 */
public final class Fingerprint {

    private static final String ALGORITHM = "HmacSHA256";
    /** What an erased member's fingerprint reads where it had to be overwritten: no address gives it. */
    public static final String ERASED = "erased";

    private Fingerprint() {
    }

    /** {@code key}: at least 32 bytes. */
    public static String keyed(byte[] key, CooperativeId cooperativeId, String email) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("a fingerprint key needs at least 32 bytes");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(normalised(cooperativeId, email)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
        }
    }

    /**
     * The plain SHA-256 that members who joined before any key was introduced carry in their events;
     * still compared, so they too can join only once.
     */
    public static String unkeyed(CooperativeId cooperativeId, String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised(cooperativeId, email)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether {@code fingerprint}, as a member's event carries it, is that of {@code email}: under the
     * member's own key when they have one ({@code memberKey}); otherwise they joined before members had
     * keys, and it is under the installation's key ({@code installationKey}, null if there is none) or
     * unkeyed.
     */
    public static boolean matches(String fingerprint, byte[] memberKey, byte[] installationKey,
                                  CooperativeId cooperativeId, String email) {
        if (fingerprint == null || fingerprint.equals(ERASED)) {
            return false;
        }
        if (memberKey != null) {
            return fingerprint.equals(keyed(memberKey, cooperativeId, email));
        }
        return (installationKey != null && fingerprint.equals(keyed(installationKey, cooperativeId, email)))
                || fingerprint.equals(unkeyed(cooperativeId, email));
    }

    private static byte[] normalised(CooperativeId cooperativeId, String email) {
        return (cooperativeId + ":" + email.trim().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
    }
}
