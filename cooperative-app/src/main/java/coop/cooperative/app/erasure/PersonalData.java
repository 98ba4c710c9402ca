package coop.cooperative.app.erasure;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.cooperative.core.membership.Fingerprint;
import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * The tables beside the event store that hold a person, as erasure deletes from them, in the
 * transaction of the {@code MemberErased} ({@link Erasure}). The profile and the fingerprint key are
 * their owners' ({@code MemberProfiles}, {@code MemberFingerprints}); the rest is here, so that one
 * class lists what erasing deletes:
 *
 * <ul>
 *   <li>{@code risk_pool_claim_reasons}: the reasons of the member's claims (health data);
 *   <li>{@code invitations}: to the membership (email and name);
 *   <li>{@code member_former_accounts}: the logins the member had in the installation the
 *       cooperative was imported from;
 *   <li>the login that held the membership ({@code accounts}, with its {@code api_tokens},
 *       {@code notification_settings} and {@code password_resets}), unless it still holds another
 *       membership or a client's access, or is the installation's administrator: then it is the
 *       person's way into those, and only the link from this member id to it goes (with the profile);
 *   <li>{@code mail_outbox}: every letter addressed to the member's email;
 *   <li>the cooperative's snapshots ({@link #snapshots});
 *   <li>the fingerprint in their {@code MemberJoined} ({@link #fingerprint}).
 * </ul>
 */
@Component
class PersonalData {

    /** Reads and writes the stored payload as it is: decimals exact and plain, as the event store wrote them. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final JdbcClient jdbc;

    PersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void claimReasons(MemberId memberId) {
        jdbc.sql("DELETE FROM risk_pool_claim_reasons WHERE member_id = ?").param(memberId.value()).update();
    }

    void invitations(MemberId memberId) {
        jdbc.sql("DELETE FROM invitations WHERE member_id = ?").param(memberId.value()).update();
    }

    void formerAccounts(MemberId memberId) {
        jdbc.sql("DELETE FROM member_former_accounts WHERE member_id = ?").param(memberId.value()).update();
    }

    /** What belongs to the person behind the erased profile: their letters, and their login if it holds nothing else. */
    void person(String email, UUID accountId) {
        jdbc.sql("DELETE FROM mail_outbox WHERE recipient = ?").param(email).update();
        if (accountId == null || holdsMore(accountId)) {
            return;
        }
        String accountEmail = jdbc.sql("SELECT email FROM accounts WHERE account_id = ?").param(accountId)
                .query(String.class).optional().orElse(email);
        jdbc.sql("DELETE FROM api_tokens WHERE account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM notification_settings WHERE account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM accounts WHERE account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM mail_outbox WHERE recipient = ?").param(accountEmail).update();
        boolean emailStillHasAnAccount = jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email = ?").param(accountEmail)
                .query(Long.class).single() > 0;
        if (!emailStillHasAnAccount) {
            jdbc.sql("DELETE FROM password_resets WHERE email = ?").param(accountEmail).update();
        }
    }

    private boolean holdsMore(UUID accountId) {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM member_profiles WHERE account_id = ?)
                             + (SELECT COUNT(*) FROM project_clients WHERE account_id = ?)
                             + (SELECT COUNT(*) FROM accounts WHERE account_id = ? AND administrator)""")
                .params(accountId, accountId, accountId).query(Long.class).single() > 0;
    }

    /**
     * The email fingerprint in the member's one {@code MemberJoined} is overwritten with
     * {@link Fingerprint#ERASED}, the one place where the law outranks the append-only store. With
     * the member's key deleted it could no longer be recomputed from a guessed address; overwritten,
     * nothing derived from the person's email is left in the database at all. For a member who
     * joined before members had keys (under the installation's key, which the others still need) it
     * is the only way. The event keeps its shape, and nothing compares a departed member at a join.
     */
    void fingerprint(CooperativeId cooperativeId, MemberId memberId) {
        List<Row> joined = jdbc.sql("SELECT global_index, payload FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND payload_type = ?")
                .params(cooperativeId.toString(), MemberJoined.class.getName())
                .query((rs, i) -> new Row(rs.getLong("global_index"), rs.getBytes("payload"))).list();
        for (Row row : joined) {
            JsonNode payload = read(row.payload());
            if (payload instanceof ObjectNode event && memberId.toString().equals(event.path("memberId").asText())) {
                event.put("emailFingerprint", Fingerprint.ERASED);
                jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?")
                        .params(write(event), row.globalIndex()).update();
            }
        }
    }

    /**
     * The cooperative's snapshots hold every member's fingerprint as the aggregate knew it: they are
     * deleted (a snapshot is a cache; the next load sources the aggregate from its events, which no
     * longer give the erased member one, and snapshots it again).
     */
    void snapshots(CooperativeId cooperativeId) {
        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(cooperativeId.toString()).update();
    }

    private static JsonNode read(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Row(long globalIndex, byte[] payload) {
    }
}
