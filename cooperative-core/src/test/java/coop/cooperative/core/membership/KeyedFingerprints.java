package coop.cooperative.core.membership;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * The fingerprint port as the app's {@code MemberFingerprints} answers it, in memory: a key per member
 * (here derived from the member id, so a test can write the event it expects), an installation key
 * for members who joined before members had keys, and erasure as forgetting the key.
 */
final class KeyedFingerprints implements EmailFingerprints {

    private final Map<MemberId, byte[]> keys = new HashMap<>();
    private final byte[] installationKey;

    KeyedFingerprints(byte[] installationKey) {
        this.installationKey = installationKey;
    }

    /** The fingerprint the member's {@code MemberJoined} carries, their key kept as issuing would. */
    String of(CooperativeId cooperativeId, MemberId memberId, String email) {
        return Fingerprint.keyed(keys.computeIfAbsent(memberId, KeyedFingerprints::keyFor), cooperativeId, email);
    }

    /** As of a member who joined under the installation's key: no key of their own. */
    String underInstallationKey(CooperativeId cooperativeId, String email) {
        return Fingerprint.keyed(installationKey, cooperativeId, email);
    }

    void forget(MemberId memberId) {
        keys.remove(memberId);
    }

    boolean holdsKeyOf(MemberId memberId) {
        return keys.containsKey(memberId);
    }

    @Override
    public String issue(CooperativeId cooperativeId, MemberId memberId, String email) {
        return of(cooperativeId, memberId, email);
    }

    @Override
    public boolean taken(CooperativeId cooperativeId, Map<MemberId, String> fingerprints, String email) {
        return fingerprints.entrySet().stream().anyMatch(e ->
                Fingerprint.matches(e.getValue(), keys.get(e.getKey()), installationKey, cooperativeId, email));
    }

    private static byte[] keyFor(MemberId memberId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(memberId.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
