package coop.cooperative.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.cooperative.core.costs.api.CostApproved;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.costs.api.Share;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.membership.api.CooperativeFounded;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.membership.api.RoleAppointed;
import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.core.membership.api.Policies;
import coop.cooperative.core.projects.api.AssignmentId;
import coop.cooperative.core.projects.api.AssignmentRole;
import coop.cooperative.core.projects.api.MemberAssigned;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.ProjectRegistered;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static coop.cooperative.bench.StoreBench.EUR;
import static coop.cooperative.bench.StoreBench.EVENTS_PER_COOPERATIVE;
import static coop.cooperative.bench.StoreBench.MEMBERS_PER_COOPERATIVE;
import static coop.cooperative.bench.Benchmark.log;

/**
 * Writes events straight into the event store, serialized as the application stores them: many
 * cooperatives, each with members, two projects with a core and a backup member per skill, and
 * shared costs (shared, then approved) spread over two years, until the store holds the asked number.
 */
record EventFiller(DataSource dataSource, ObjectMapper json, Map<CooperativeId, String> lastAggregates) {

    EventFiller(DataSource dataSource, ObjectMapper json) {
        this(dataSource, json, new HashMap<>());
    }

    private static final int BATCH = 1_000;

    List<CooperativeId> fill(long target, LocalDate today) throws SQLException, IOException {
        long existing;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            r.next();
            existing = r.getLong(1);
        }
        long toWrite = Math.max(0, target - existing);
        int cooperatives = (int) Math.max(1, toWrite / EVENTS_PER_COOPERATIVE);
        List<CooperativeId> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                Writer writer = new Writer(c, insert, json);
                long written = 0;
                for (int i = 0; i < cooperatives; i++) {
                    long budget = (toWrite - written) / (cooperatives - i);
                    CooperativeId id = CooperativeId.random();
                    ids.add(id);
                    written += cooperative(writer, id, i, budget, today);
                    if (i % 50 == 0) {
                        log("filled " + written + " of " + toWrite + " events");
                    }
                }
                writer.flush();
            }
        }
        return ids;
    }

    /**
     * The cooperatives whose every event is at or below {@code position}: a cooperative's last
     * event is the approval of its last cost, the highest-numbered cost aggregate it wrote.
     */
    List<CooperativeId> rebuiltUpTo(List<CooperativeId> cooperatives, long position) throws SQLException {
        List<CooperativeId> rebuilt = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement last = c.prepareStatement(
                "SELECT MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            for (CooperativeId id : cooperatives) {
                last.setString(1, lastAggregates.get(id));
                try (ResultSet r = last.executeQuery()) {
                    if (r.next() && r.getLong(1) <= position) {
                        rebuilt.add(id);
                    }
                }
            }
        }
        return rebuilt;
    }

    private long cooperative(Writer w, CooperativeId id, int n, long budget, LocalDate today) throws SQLException, IOException {
        LocalDate founded = today.minusYears(2);
        long written = 0;
        int seq = 0;
        w.add(id.toString(), seq++, "Cooperative", new CooperativeFounded(id, "Filled " + n, EUR,
                Policies.defaults(EUR), founded));
        written++;
        List<MemberId> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS_PER_COOPERATIVE; m++) {
            MemberId member = MemberId.random();
            members.add(member);
            w.add(id.toString(), seq++, "Cooperative", new MemberJoined(id, member, "%064x".formatted(m + n * 100L),
                    List.of(m % 2 == 0 ? "devops" : "design"), Money.of("80.00", EUR), founded));
            written++;
        }
        // The first member keeps the books: the treasurer who reads them while the bench rebuilds the views.
        w.add(id.toString(), seq++, "Cooperative", new RoleAppointed(id, members.get(0), Role.TREASURER));
        written++;
        for (int p = 0; p < 2; p++) {
            ProjectId project = ProjectId.random();
            int pseq = 0;
            w.add(project.toString(), pseq++, "Project", new ProjectRegistered(id, project, "Project " + p, "Client " + p,
                    founded, today.plusYears(1), List.of(new RequiredSkill("devops", 20), new RequiredSkill("design", 16))));
            written++;
            String[] skills = {"devops", "design"};
            for (int s = 0; s < skills.length; s++) {
                for (AssignmentRole role : new AssignmentRole[]{AssignmentRole.CORE, AssignmentRole.BACKUP}) {
                    MemberId member = members.get((p * 4 + s + (role == AssignmentRole.CORE ? 0 : 2)) % members.size());
                    w.add(project.toString(), pseq++, "Project", new MemberAssigned(id, project, AssignmentId.random(),
                            member, role, skills[s], 10, founded, today.plusYears(1)));
                    written++;
                }
            }
        }
        Split split = Split.equal(members);
        Money amount = Money.of("100.00", EUR);
        List<Share> shares = members.stream().map(m -> new Share(m, Money.of("10.00", EUR))).toList();
        for (int k = 0; written + 2 <= budget; k++) {
            CostId cost = CostId.random();
            LocalDate date = founded.plusDays(k % 700);
            MemberId paidBy = members.get(k % members.size());
            w.add(cost.toString(), 0, "SharedCost", new CostShared(id, cost, "Cost " + k, amount, Money.zero(EUR), date,
                    k % 3 == 0 ? "software" : "office", paidBy, split, shares, paidBy, date, null, false, List.of(), null));
            w.add(cost.toString(), 1, "SharedCost", new CostApproved(id, cost, members.get(0), date));
            lastAggregates.put(id, cost.toString());
            written += 2;
        }
        return written;
    }

    private static final class Writer {
        private final Connection connection;
        private final PreparedStatement insert;
        private final ObjectMapper json;
        private final byte[] metaData = "{\"userId\":\"system\",\"correlationId\":\"bench\"}".getBytes();
        private int pending;

        Writer(Connection connection, PreparedStatement insert, ObjectMapper json) {
            this.connection = connection;
            this.insert = insert;
            this.json = json;
        }

        void add(String aggregate, int sequence, String type, Object event) throws SQLException, IOException {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setString(4, type);
            insert.setString(5, Instant.now().toString());
            insert.setString(6, event.getClass().getName());
            // The revision the event class declares, as Axon writes it (CostShared is at 3).
            insert.setString(7, event.getClass().getAnnotation(Revision.class).value());
            insert.setBytes(8, json.writeValueAsBytes(event));
            insert.setBytes(9, metaData);
            insert.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                connection.commit();
                pending = 0;
            }
        }
    }
}
