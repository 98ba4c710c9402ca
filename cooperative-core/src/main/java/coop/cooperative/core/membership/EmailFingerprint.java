package coop.cooperative.core.membership;

import coop.cooperative.core.shared.CooperativeId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What the event store keeps of an email: a SHA-256 over the cooperative and the normalised
 * address. It lets the aggregate refuse a second membership for the same email without ever
 * storing the email itself; salting with the cooperative keeps members unlinkable across
 * cooperatives.
 */
final class EmailFingerprint {

    private EmailFingerprint() {
    }

    static String of(CooperativeId cooperativeId, String email) {
        String normalised = cooperativeId + ":" + email.trim().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
