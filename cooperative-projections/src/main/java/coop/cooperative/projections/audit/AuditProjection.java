package coop.cooperative.projections.audit;

import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.core.projects.api.ProjectRegistered;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.audit.AuditQueries.AuditEntries;
import coop.cooperative.projections.audit.AuditQueries.AuditEntry;
import coop.cooperative.projections.audit.AuditQueries.AuditKinds;
import coop.cooperative.projections.audit.AuditQueries.FindAuditEntries;
import coop.cooperative.projections.audit.AuditQueries.FindAuditKinds;
import coop.cooperative.projections.audit.AuditQueries.FindMemberNumbers;
import coop.cooperative.projections.audit.AuditQueries.MemberNumbers;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one audit entry per event of a cooperative. Handles every event (its payload as
 * {@code Object}), so a new kind of event enters the trail without a change here; {@link AuditFacts}
 * decides which of its values the trail keeps.
 */
@Component
@ViewTables(value = {"audit_entries", "audit_entry_members", "audit_costs", "audit_cost_members", "audit_projects",
        "audit_member_numbers"}, indexedAfterLoad = {"audit_entries", "audit_entry_members"})
@ProcessingGroup("audit")
class AuditProjection {

    /** The metadata keys the app's audit interceptor stamps on every command, and so on every event. */
    private static final String USER_ID = "userId";
    private static final String CORRELATION_ID = "correlationId";

    private final JdbcClient jdbc;

    AuditProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object event, @MessageIdentifier String eventId, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(USER_ID) String userId, @MetaDataValue(CORRELATION_ID) String correlationId) {
        Optional<CooperativeId> cooperative = AuditFacts.cooperativeOf(event);
        if (cooperative.isEmpty()) {
            return;
        }
        remember(event, cooperative.get());
        Map<String, AuditFact> facts = new LinkedHashMap<>(AuditFacts.of(event));
        MemberId member = AuditFacts.memberOf(event).orElse(null);
        Set<UUID> concerned = new LinkedHashSet<>();
        if (member != null) {
            concerned.add(member.value());
        }
        Optional<UUID> cost = AuditFacts.id(event, "costId");
        if (cost.isPresent()) {
            member = addCost(cost.get(), facts, member);
            concerned.addAll(jdbc.sql("SELECT member_id FROM audit_cost_members WHERE cost_id = ?").param(cost.get())
                    .query(UUID.class).list());
        }
        AuditFacts.id(event, "projectId").ifPresent(project -> addProject(project, facts));
        // A redelivered event (after a node's crash) replaces its entry rather than adding a second. Keyed by
        // the event's identifier, not the token's position: for an event committed after a later one was
        // read (two writers at once), the position is the later event's.
        jdbc.sql("DELETE FROM audit_entries WHERE event_id = ?").param(eventId).update();
        jdbc.sql("DELETE FROM audit_entry_members WHERE event_id = ?").param(eventId).update();
        for (UUID concernedMember : concerned) {
            jdbc.sql("INSERT INTO audit_entry_members (event_id, member_id) VALUES (?, ?)")
                    .params(eventId, concernedMember).update();
        }
        jdbc.sql("""
                        INSERT INTO audit_entries (event_id, cooperative_id, occurred_at, kind, user_id, actor_id,
                                                   member_id, correlation_id, facts)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(eventId, cooperative.get().value(), Timestamp.from(at), event.getClass().getSimpleName(),
                        userId, AuditFacts.actorOf(event).map(MemberId::value).orElse(null),
                        member == null ? null : member.value(), correlationId, AuditFact.encode(facts))
                .update();
    }

    /** Keeps what later events name only by id: a cost's description and amount, a project's name, a member's number. */
    private void remember(Object event, CooperativeId cooperative) {
        if (event instanceof CostShared shared) {
            jdbc.sql("DELETE FROM audit_costs WHERE cost_id = ?").param(shared.costId().value()).update();
            jdbc.sql("INSERT INTO audit_costs (cost_id, description, amount, paid_by) VALUES (?, ?, ?, ?)")
                    .params(shared.costId().value(), shared.description(), AuditFact.of(shared.amount()).orElseThrow().value(),
                            shared.paidBy() == null ? null : shared.paidBy().value())
                    .update();
            jdbc.sql("DELETE FROM audit_cost_members WHERE cost_id = ?").param(shared.costId().value()).update();
            Set<UUID> members = new LinkedHashSet<>();
            if (shared.paidBy() != null) {
                members.add(shared.paidBy().value());
            }
            shared.shares().forEach(share -> members.add(share.memberId().value()));
            for (UUID member : members) {
                jdbc.sql("INSERT INTO audit_cost_members (cost_id, member_id) VALUES (?, ?)")
                        .params(shared.costId().value(), member).update();
            }
        } else if (event instanceof ProjectRegistered registered) {
            jdbc.sql("DELETE FROM audit_projects WHERE project_id = ?").param(registered.projectId().value()).update();
            jdbc.sql("INSERT INTO audit_projects (project_id, name) VALUES (?, ?)")
                    .params(registered.projectId().value(), registered.name()).update();
        } else if (event instanceof MemberJoined joined) {
            boolean known = jdbc.sql("SELECT COUNT(*) FROM audit_member_numbers WHERE member_id = ?")
                    .param(joined.memberId().value()).query(Integer.class).single() > 0;
            if (!known) {
                jdbc.sql("""
                                INSERT INTO audit_member_numbers (member_id, cooperative_id, number)
                                SELECT ?, ?, COALESCE(MAX(number), 0) + 1 FROM audit_member_numbers WHERE cooperative_id = ?""")
                        .params(joined.memberId().value(), cooperative.value(), cooperative.value()).update();
            }
        }
    }

    /** The cost's description and amount as facts; the member it concerns is whoever paid it, unless the event names one. */
    private MemberId addCost(UUID costId, Map<String, AuditFact> facts, MemberId member) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT description, amount, paid_by FROM audit_costs WHERE cost_id = ?")
                .param(costId).query().listOfRows();
        if (rows.isEmpty()) {
            return member;
        }
        Map<String, Object> row = rows.get(0);
        facts.put("cost", new AuditFact(AuditFact.Type.TEXT, (String) row.get("description")));
        facts.put("costAmount", new AuditFact(AuditFact.Type.MONEY, (String) row.get("amount")));
        if (member == null && row.get("paid_by") != null) {
            return new MemberId((UUID) row.get("paid_by"));
        }
        return member;
    }

    private void addProject(UUID projectId, Map<String, AuditFact> facts) {
        jdbc.sql("SELECT name FROM audit_projects WHERE project_id = ?").param(projectId).query(String.class).optional()
                .ifPresent(name -> facts.put("project", new AuditFact(AuditFact.Type.TEXT, name)));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM audit_entries").update();
        jdbc.sql("DELETE FROM audit_costs").update();
        jdbc.sql("DELETE FROM audit_cost_members").update();
        jdbc.sql("DELETE FROM audit_entry_members").update();
        jdbc.sql("DELETE FROM audit_projects").update();
        jdbc.sql("DELETE FROM audit_member_numbers").update();
    }

    @QueryHandler
    AuditEntries handle(FindAuditEntries query) {
        StringBuilder where = new StringBuilder(" WHERE cooperative_id = :cooperative");
        Map<String, Object> params = new HashMap<>();
        params.put("cooperative", query.cooperativeId().value());
        if (query.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.until() != null) {
            where.append(" AND occurred_at < :until");
            params.put("until", Timestamp.from(query.until()));
        }
        if (query.kind() != null) {
            where.append(" AND kind = :kind");
            params.put("kind", query.kind());
        }
        if (query.member() != null) {
            where.append(" AND (event_id IN (SELECT event_id FROM audit_entry_members WHERE member_id = :member)"
                    + " OR actor_id = :member");
            params.put("member", query.member().value());
            if (!query.accountsOfMember().isEmpty()) {
                where.append(" OR (actor_id IS NULL AND user_id IN (:accounts))");
                params.put("accounts", query.accountsOfMember());
            }
            where.append(")");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_entries" + where).params(params).query(Long.class).single();
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        List<AuditEntry> entries = jdbc.sql("""
                        SELECT event_id, occurred_at, kind, user_id, actor_id, member_id, correlation_id, facts
                        FROM audit_entries""" + where + " ORDER BY occurred_at DESC, event_id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, row) -> new AuditEntry(rs.getString("event_id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("kind"), rs.getString("user_id"), memberId(rs.getObject("actor_id", UUID.class)),
                        memberId(rs.getObject("member_id", UUID.class)), rs.getString("correlation_id"),
                        AuditFact.decode(rs.getString("facts"))))
                .list();
        return new AuditEntries(entries, total);
    }

    @QueryHandler
    AuditKinds handle(FindAuditKinds query) {
        return new AuditKinds(jdbc.sql("SELECT DISTINCT kind FROM audit_entries WHERE cooperative_id = ? ORDER BY kind")
                .param(query.cooperativeId().value()).query(String.class).list());
    }

    @QueryHandler
    MemberNumbers handle(FindMemberNumbers query) {
        Map<MemberId, Integer> numbers = new HashMap<>();
        jdbc.sql("SELECT member_id, number FROM audit_member_numbers WHERE cooperative_id = ?")
                .param(query.cooperativeId().value())
                .query(rs -> {
                    numbers.put(new MemberId(rs.getObject("member_id", UUID.class)), rs.getInt("number"));
                });
        return new MemberNumbers(numbers);
    }

    private static MemberId memberId(UUID id) {
        return id == null ? null : new MemberId(id);
    }
}
