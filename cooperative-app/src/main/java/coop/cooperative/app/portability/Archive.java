package coop.cooperative.app.portability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The archive of one cooperative, format version 1 (docs/data.md, "Export and re-import"): a zip of
 * {@code manifest.json} and the parts it names, counts and hashes. What each part holds is the records
 * below, written by {@link CooperativeExport} and read back by {@link ArchiveReader}.
 */
final class Archive {

    static final int FORMAT_VERSION = 1;
    static final String FORMAT = "cooperative-archive";

    static final String MANIFEST = "manifest.json";
    static final String EVENTS = "events.jsonl";
    static final String PROFILES = "profiles.json";
    static final String FINGERPRINT_KEYS = "fingerprint-keys.json";
    static final String CLAIM_REASONS = "claim-reasons.json";
    /** Every part but the manifest, in the order they are written. */
    static final List<String> PARTS = List.of(EVENTS, PROFILES, FINGERPRINT_KEYS, CLAIM_REASONS);

    /** The archive's own JSON: plain Jackson, independent of the API's settings and of the events' mapper. */
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private Archive() {
    }

    record Manifest(String format, int formatVersion, String cooperativeId, String cooperativeName, String exportedAt,
                    long sourceEventCount, Map<String, Long> counts, Map<String, String> sha256) {
    }

    /**
     * One stored event, as {@code domain_event_entry} holds it: the payload and the metadata are the
     * stored JSON text, unchanged (so the target upcasts older revisions as it reads them).
     */
    record EventLine(long globalIndex, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                     long sequenceNumber, String timestamp, String payloadType, String payloadRevision,
                     String payload, String metaData) {
    }

    /** The people of the cooperative as the app keeps them beside the events; never a password or a token. */
    record Profiles(List<MemberProfile> members, List<ClientContact> clients) {
    }

    /**
     * A membership's name and email; {@code account}: the login that accepted its invitation, if any;
     * {@code formerAccountIds}: the logins it acted under in installations the cooperative came from.
     */
    record MemberProfile(String memberId, String name, String email, AccountState account,
                         List<String> formerAccountIds) {
    }

    /** A client contact with access to one project; {@code account}: the login that accepted it, if any. */
    record ClientContact(String projectId, String name, String email, AccountState account) {
    }

    /** The minimal state of a login: who, in which name and language; never its password hash. */
    record AccountState(String accountId, String email, String displayName, String language) {
    }

    record FingerprintKey(String memberId, String cooperativeId, String fingerprintKey) {
    }

    record ClaimReason(String claimId, String memberId, String reason, String lateFilingReason) {
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
