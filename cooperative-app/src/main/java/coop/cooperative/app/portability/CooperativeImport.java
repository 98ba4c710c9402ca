package coop.cooperative.app.portability;

import coop.cooperative.app.portability.Archive.AccountState;
import coop.cooperative.app.portability.Archive.ClaimReason;
import coop.cooperative.app.portability.Archive.ClientContact;
import coop.cooperative.app.portability.Archive.EventLine;
import coop.cooperative.app.portability.Archive.FingerprintKey;
import coop.cooperative.app.portability.Archive.MemberProfile;
import coop.cooperative.app.portability.ArchiveReader.Parsed;
import coop.cooperative.app.security.Invitations;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Refusal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a checked archive in one transaction: the events appended in their order (the store gives
 * them their new global index), the profiles, the clients' access, the claims' reasons, the
 * fingerprint keys, and a fresh invitation for every membership and project access that had a login.
 * A refusal or a crash leaves nothing behind.
 */
@Component
class CooperativeImport {

    private final JdbcClient jdbc;
    private final JdbcTemplate rows;
    private final Invitations invitations;
    private final Clock clock;

    CooperativeImport(JdbcClient jdbc, JdbcTemplate rows, Invitations invitations, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.invitations = invitations;
        this.clock = clock;
    }

    record Invited(String email, String memberId, String projectId, String token, boolean mailed) {
    }

    @Transactional
    public List<Invited> write(Parsed archive) {
        String cid = archive.manifest().cooperativeId();
        UUID cooperative = UUID.fromString(cid);
        if (exists(cid)) {
            throw alreadyHere(cid);
        }
        try {
            List<Object[]> events = new ArrayList<>();
            for (EventLine e : archive.events()) {
                events.add(new Object[]{e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(), e.aggregateType(),
                        e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload().getBytes(StandardCharsets.UTF_8),
                        e.metaData() == null ? null : e.metaData().getBytes(StandardCharsets.UTF_8)});
            }
            rows.batchUpdate("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                    payload_type, payload_revision, payload, meta_data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", events);
            String lastEvent = archive.events().get(archive.events().size() - 1).eventIdentifier();
            long lastIndex = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")
                    .param(lastEvent).query(Long.class).single();
            jdbc.sql("INSERT INTO cooperative_imports (cooperative_id, imported_at, events, last_global_index) VALUES (?, ?, ?, ?)")
                    .params(cooperative, LocalDateTime.now(clock), archive.events().size(), lastIndex).update();

            for (MemberProfile member : archive.profiles().members()) {
                UUID memberId = UUID.fromString(member.memberId());
                jdbc.sql("INSERT INTO member_profiles (member_id, cooperative_id, name, email, account_id) VALUES (?, ?, ?, ?, NULL)")
                        .params(memberId, cooperative, member.name(), member.email()).update();
                Set<String> former = new LinkedHashSet<>(member.formerAccountIds() == null ? List.of() : member.formerAccountIds());
                if (member.account() != null) {
                    former.add(member.account().accountId());
                }
                for (String account : former) {
                    jdbc.sql("INSERT INTO member_former_accounts (account_id, member_id, cooperative_id) VALUES (?, ?, ?)")
                            .params(UUID.fromString(account), memberId, cooperative).update();
                }
            }
            for (ClientContact client : archive.profiles().clients()) {
                jdbc.sql("INSERT INTO project_clients (project_id, cooperative_id, email, name, account_id) VALUES (?, ?, ?, ?, NULL)")
                        .params(UUID.fromString(client.projectId()), cooperative, client.email(), client.name()).update();
            }
            for (ClaimReason reason : archive.claimReasons()) {
                jdbc.sql("""
                                INSERT INTO risk_pool_claim_reasons (claim_id, cooperative_id, member_id, reason, late_filing_reason)
                                VALUES (?, ?, ?, ?, ?)""")
                        .params(UUID.fromString(reason.claimId()), cooperative, UUID.fromString(reason.memberId()),
                                reason.reason(), reason.lateFilingReason()).update();
            }
            for (FingerprintKey key : archive.fingerprintKeys()) {
                jdbc.sql("INSERT INTO member_fingerprint_keys (member_id, cooperative_id, fingerprint_key) VALUES (?, ?, ?)")
                        .params(key.memberId(), key.cooperativeId(), key.fingerprintKey()).update();
            }
            return invite(archive, cooperative);
        } catch (DuplicateKeyException e) {
            // another import of the same archive, at the same moment
            throw alreadyHere(cid);
        }
    }

    private List<Invited> invite(Parsed archive, UUID cooperative) {
        String name = archive.manifest().cooperativeName() == null ? "" : archive.manifest().cooperativeName();
        List<Invited> invited = new ArrayList<>();
        for (MemberProfile member : archive.profiles().members()) {
            if (member.account() != null) {
                invited.add(invite(member.account(), member.email(), name, cooperative, UUID.fromString(member.memberId()), null));
            }
        }
        for (ClientContact client : archive.profiles().clients()) {
            if (client.account() != null) {
                invited.add(invite(client.account(), client.email(), name, cooperative, null, UUID.fromString(client.projectId())));
            }
        }
        return invited;
    }

    /** An invitation as the app makes them today, mailed in the person's language when mail is on. */
    private Invited invite(AccountState account, String email, String cooperativeName, UUID cooperative, UUID memberId,
                           UUID projectId) {
        Locale asked = LocaleContextHolder.getLocale();
        try {
            if (account.language() != null) {
                LocaleContextHolder.setLocale(Locale.forLanguageTag(account.language()));
            }
            String token = invitations.issue(new Invitations.Invite(email, account.displayName(), cooperativeName,
                    cooperative, memberId, projectId)).orElse(null);
            return new Invited(email, memberId == null ? null : memberId.toString(),
                    projectId == null ? null : projectId.toString(), token, token == null);
        } finally {
            LocaleContextHolder.setLocale(asked);
        }
    }

    boolean exists(String cooperativeId) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(cooperativeId)
                .query(Long.class).single() > 0;
    }

    static DomainException.Conflict alreadyHere(String cooperativeId) {
        return new DomainException.Conflict(Refusal.IMPORT_COOPERATIVE_EXISTS,
                "The cooperative " + cooperativeId + " is already in this installation", cooperativeId);
    }
}
