package coop.cooperative.app.membership;

import coop.cooperative.core.membership.EmailFingerprints;
import coop.cooperative.core.membership.Fingerprint;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The email fingerprints of the members ({@link EmailFingerprints}, handed to the cooperative
 * aggregate by Axon): each member's key, 32 random bytes, in {@code member_fingerprint_keys}, written
 * by {@link #issue} in the transaction of the command whose {@code MemberJoined} carries the
 * fingerprint, so no node, crashing or not, ever stores a fingerprint without its key. Erasing the
 * member deletes the key ({@link #forget}).
 *
 * <p>Members who joined before members had keys carry a fingerprint under the installation's key
 * ({@code installation_secrets}, no longer made: an installation without one has no such members) or
 * a plain SHA-256; their fingerprint is overwritten on erasure instead ({@code app.erasure}).
 */
@Service
public class MemberFingerprints implements EmailFingerprints {

    static final String INSTALLATION_KEY = "email-fingerprint-key";

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    MemberFingerprints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String issue(CooperativeId cooperativeId, MemberId memberId, String email) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        jdbc.sql("INSERT INTO member_fingerprint_keys (member_id, cooperative_id, fingerprint_key) VALUES (?, ?, ?)")
                .params(memberId.toString(), cooperativeId.toString(), Base64.getEncoder().encodeToString(key))
                .update();
        return Fingerprint.keyed(key, cooperativeId, email);
    }

    @Override
    public boolean taken(CooperativeId cooperativeId, Map<MemberId, String> fingerprints, String email) {
        if (fingerprints.isEmpty()) {
            return false;
        }
        Map<String, byte[]> keys = new HashMap<>();
        jdbc.sql("SELECT member_id, fingerprint_key FROM member_fingerprint_keys WHERE cooperative_id = ?")
                .param(cooperativeId.toString())
                .query(rs -> {
                    keys.put(rs.getString("member_id"), Base64.getDecoder().decode(rs.getString("fingerprint_key")));
                });
        byte[] installationKey = installationKey().orElse(null);
        return fingerprints.entrySet().stream().anyMatch(e -> Fingerprint.matches(e.getValue(),
                keys.get(e.getKey().toString()), installationKey, cooperativeId, email));
    }

    /** Deletes the member's key: their fingerprint can no longer be recomputed from any address. */
    public void forget(MemberId memberId) {
        jdbc.sql("DELETE FROM member_fingerprint_keys WHERE member_id = ?").param(memberId.toString()).update();
    }

    private Optional<byte[]> installationKey() {
        return jdbc.sql("SELECT secret FROM installation_secrets WHERE name = ?").param(INSTALLATION_KEY)
                .query(String.class).optional().map(Base64.getDecoder()::decode);
    }
}
