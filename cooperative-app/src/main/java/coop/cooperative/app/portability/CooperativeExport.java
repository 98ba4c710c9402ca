package coop.cooperative.app.portability;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import coop.cooperative.app.portability.Archive.AccountState;
import coop.cooperative.app.portability.Archive.ClaimReason;
import coop.cooperative.app.portability.Archive.ClientContact;
import coop.cooperative.app.portability.Archive.EventLine;
import coop.cooperative.app.portability.Archive.FingerprintKey;
import coop.cooperative.app.portability.Archive.Manifest;
import coop.cooperative.app.portability.Archive.MemberProfile;
import coop.cooperative.app.portability.Archive.Profiles;
import coop.cooperative.core.shared.CooperativeId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the archive of one cooperative: every event whose payload names it, in the store's order and
 * as stored, and the state the app keeps beside the events for it. Read in one transaction, so the
 * parts agree with each other.
 */
@Component
class CooperativeExport {

    private final JdbcClient jdbc;
    private final JdbcTemplate rows;
    private final Clock clock;

    CooperativeExport(JdbcClient jdbc, JdbcTemplate rows, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.clock = clock;
    }

    record Exported(String cooperativeName, byte[] zip) {
    }

    @Transactional(readOnly = true)
    public Exported export(CooperativeId cooperativeId) {
        String cid = cooperativeId.value().toString();
        String name = jdbc.sql("SELECT name FROM cooperatives WHERE cooperative_id = ?").param(cooperativeId.value())
                .query(String.class).optional().orElse("");
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        long[] counts = new long[2]; // [events of this cooperative, events in the store]
        Map<String, Long> nextSequence = new HashMap<>();
        rows.query(con -> {
            var statement = con.prepareStatement("""
                    SELECT global_index, event_identifier, type, aggregate_identifier, sequence_number, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                    FROM domain_event_entry ORDER BY global_index""");
            statement.setFetchSize(1000);
            return statement;
        }, rs -> {
            counts[1]++;
            byte[] payload = rs.getBytes("payload");
            if (!cid.equals(cooperativeIdIn(payload))) {
                return;
            }
            String aggregate = rs.getString("aggregate_identifier");
            long sequence = rs.getLong("sequence_number");
            long expected = nextSequence.getOrDefault(aggregate, 0L);
            if (sequence != expected) {
                // an event of this aggregate that does not name the cooperative: the archive would miss it
                throw new IllegalStateException("Event " + expected + " of aggregate " + aggregate
                        + " does not name cooperative " + cid + "; the export would be incomplete");
            }
            nextSequence.put(aggregate, sequence + 1);
            byte[] metaData = rs.getBytes("meta_data");
            EventLine line = new EventLine(rs.getLong("global_index"), rs.getString("event_identifier"),
                    rs.getString("type"), aggregate, sequence, rs.getString("time_stamp"),
                    rs.getString("payload_type"), rs.getString("payload_revision"),
                    new String(payload, StandardCharsets.UTF_8),
                    metaData == null ? null : new String(metaData, StandardCharsets.UTF_8));
            try {
                events.write(Archive.JSON.writeValueAsBytes(line));
                events.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            counts[0]++;
        });

        Profiles profiles = profiles(cooperativeId);
        List<FingerprintKey> keys = jdbc.sql("""
                        SELECT member_id, cooperative_id, fingerprint_key FROM member_fingerprint_keys
                        WHERE cooperative_id = ? ORDER BY member_id""")
                .param(cid)
                .query((rs, n) -> new FingerprintKey(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        List<ClaimReason> reasons = jdbc.sql("""
                        SELECT claim_id, member_id, reason, late_filing_reason FROM risk_pool_claim_reasons
                        WHERE cooperative_id = ? ORDER BY claim_id""")
                .param(cooperativeId.value())
                .query((rs, n) -> new ClaimReason(rs.getObject(1, UUID.class).toString(),
                        rs.getObject(2, UUID.class).toString(), rs.getString(3), rs.getString(4))).list();

        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(Archive.EVENTS, events.toByteArray());
        parts.put(Archive.PROFILES, pretty(profiles));
        parts.put(Archive.FINGERPRINT_KEYS, pretty(keys));
        parts.put(Archive.CLAIM_REASONS, pretty(reasons));
        Map<String, Long> partCounts = new LinkedHashMap<>();
        partCounts.put(Archive.EVENTS, counts[0]);
        partCounts.put(Archive.PROFILES, (long) profiles.members().size() + profiles.clients().size());
        partCounts.put(Archive.FINGERPRINT_KEYS, (long) keys.size());
        partCounts.put(Archive.CLAIM_REASONS, (long) reasons.size());
        Map<String, String> hashes = new LinkedHashMap<>();
        parts.forEach((part, bytes) -> hashes.put(part, Archive.sha256(bytes)));
        Manifest manifest = new Manifest(Archive.FORMAT, Archive.FORMAT_VERSION, cid, name,
                Instant.now(clock).toString(), counts[1], partCounts, hashes);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            out.putNextEntry(new ZipEntry(Archive.MANIFEST));
            out.write(pretty(manifest));
            out.closeEntry();
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Exported(name, zip.toByteArray());
    }

    private Profiles profiles(CooperativeId cooperativeId) {
        Map<UUID, AccountState> accounts = new HashMap<>();
        jdbc.sql("""
                        SELECT a.account_id, a.email, a.display_name, a.language FROM accounts a
                        WHERE a.account_id IN (SELECT account_id FROM member_profiles WHERE cooperative_id = :c)
                           OR a.account_id IN (SELECT account_id FROM project_clients WHERE cooperative_id = :c)""")
                .param("c", cooperativeId.value())
                .query(rs -> {
                    UUID id = rs.getObject("account_id", UUID.class);
                    accounts.put(id, new AccountState(id.toString(), rs.getString("email"), rs.getString("display_name"),
                            rs.getString("language")));
                });
        Map<String, List<String>> former = new HashMap<>();
        jdbc.sql("SELECT member_id, account_id FROM member_former_accounts WHERE cooperative_id = ? ORDER BY account_id")
                .param(cooperativeId.value())
                .query(rs -> {
                    former.computeIfAbsent(rs.getObject("member_id", UUID.class).toString(), m -> new ArrayList<>())
                            .add(rs.getObject("account_id", UUID.class).toString());
                });
        List<MemberProfile> members = jdbc.sql("""
                        SELECT member_id, name, email, account_id FROM member_profiles WHERE cooperative_id = ?
                        ORDER BY member_id""")
                .param(cooperativeId.value())
                .query((rs, n) -> {
                    String memberId = rs.getObject("member_id", UUID.class).toString();
                    return new MemberProfile(memberId, rs.getString("name"), rs.getString("email"),
                            accounts.get(rs.getObject("account_id", UUID.class)), former.getOrDefault(memberId, List.of()));
                }).list();
        List<ClientContact> clients = jdbc.sql("""
                        SELECT project_id, name, email, account_id FROM project_clients WHERE cooperative_id = ?
                        ORDER BY project_id, email""")
                .param(cooperativeId.value())
                .query((rs, n) -> new ClientContact(rs.getObject("project_id", UUID.class).toString(), rs.getString("name"),
                        rs.getString("email"), accounts.get(rs.getObject("account_id", UUID.class)))).list();
        return new Profiles(members, clients);
    }

    /**
     * The {@code cooperativeId} at the top of a stored payload, or null: every event of the domain
     * names its cooperative there (ExportImportRoundTripTest holds every event type to it).
     */
    static String cooperativeIdIn(byte[] payload) {
        try (JsonParser parser = Archive.JSON.getFactory().createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("cooperativeId")) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pretty(Object value) {
        try {
            return Archive.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
