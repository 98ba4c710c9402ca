package coop.cooperative.projections.members;

import coop.cooperative.core.membership.MembershipPeriod;
import coop.cooperative.core.membership.api.CooperativeFounded;
import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.core.membership.api.MemberLeft;
import coop.cooperative.core.membership.api.Policies;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.membership.api.RoleAppointed;
import coop.cooperative.core.membership.api.RoleRevoked;
import coop.cooperative.core.riskpool.api.PoolChangeDates;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.FindCooperative;
import coop.cooperative.projections.members.MemberQueries.FindMember;
import coop.cooperative.projections.members.MemberQueries.FindMembers;
import coop.cooperative.projections.members.MemberQueries.MemberStatus;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Cooperatives and their members. Every handler is idempotent (updates by key, sets of roles),
 * so a replay or a retried batch leaves the same rows.
 */
@Component
@ViewTables({"cooperatives", "members"})
@ProcessingGroup(MembersProjection.PROCESSING_GROUP)
class MembersProjection {

    static final String PROCESSING_GROUP = "members";

    private final JdbcClient jdbc;
    private final Clock clock;

    MembersProjection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(CooperativeFounded event) {
        Policies policies = event.policies();
        jdbc.sql("DELETE FROM cooperatives WHERE cooperative_id = ?").param(event.cooperativeId().value()).update();
        jdbc.sql("""
                        INSERT INTO cooperatives (cooperative_id, name, currency, founded_on, second_approval_above,
                            risk_pool_minimum_members, risk_pool_maximum_members, development_budget_percent,
                            maximum_hours_per_week, vat_registered, risk_pool_change_dates)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.cooperativeId().value(), event.name(), event.currency().getCurrencyCode(),
                        event.foundedOn(), policies.secondApprovalAbove().amount(), policies.riskPoolMinimumMembers(),
                        policies.riskPoolMaximumMembers(), policies.developmentBudgetPercent(),
                        policies.maximumHoursPerWeek(), policies.vatRegistered(), policies.riskPoolChangeDates().name())
                .update();
    }

    @EventHandler
    void on(MemberJoined event) {
        jdbc.sql("DELETE FROM members WHERE member_id = ?").param(event.memberId().value()).update();
        jdbc.sql("""
                        INSERT INTO members (member_id, cooperative_id, skills, roles, hourly_rate, joined_on)
                        VALUES (?, ?, ?, '', ?, ?)""")
                .params(event.memberId().value(), event.cooperativeId().value(), String.join(",", event.skills()),
                        event.hourlyRate().amount(), event.joinedOn())
                .update();
    }

    @EventHandler
    void on(MemberLeft event) {
        jdbc.sql("UPDATE members SET left_on = ? WHERE member_id = ?")
                .params(event.leftOn(), event.memberId().value())
                .update();
    }

    @EventHandler
    void on(RoleAppointed event) {
        Set<Role> roles = roles(event.memberId());
        roles.add(event.role());
        writeRoles(event.memberId(), roles);
    }

    @EventHandler
    void on(RoleRevoked event) {
        Set<Role> roles = roles(event.memberId());
        roles.remove(event.role());
        writeRoles(event.memberId(), roles);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM members").update();
        jdbc.sql("DELETE FROM cooperatives").update();
    }

    @QueryHandler
    Optional<CooperativeView> handle(FindCooperative query) {
        return jdbc.sql("SELECT * FROM cooperatives WHERE cooperative_id = ?")
                .param(query.cooperativeId().value())
                .query(MembersProjection::cooperative)
                .optional();
    }

    @QueryHandler
    List<MemberView> handle(FindMembers query) {
        return jdbc.sql("""
                        SELECT m.*, c.currency FROM members m JOIN cooperatives c USING (cooperative_id)
                        WHERE m.cooperative_id = ? ORDER BY m.joined_on, m.member_id""")
                .param(query.cooperativeId().value())
                .query(this::member)
                .list();
    }

    @QueryHandler
    Optional<MemberView> handle(FindMember query) {
        return jdbc.sql("""
                        SELECT m.*, c.currency FROM members m JOIN cooperatives c USING (cooperative_id)
                        WHERE m.member_id = ?""")
                .param(query.memberId().value())
                .query(this::member)
                .optional();
    }

    private Set<Role> roles(MemberId memberId) {
        String roles = jdbc.sql("SELECT roles FROM members WHERE member_id = ?")
                .param(memberId.value())
                .query(String.class)
                .single();
        return parseRoles(roles);
    }

    private void writeRoles(MemberId memberId, Set<Role> roles) {
        String text = roles.stream().map(Role::name).collect(Collectors.joining(","));
        jdbc.sql("UPDATE members SET roles = ? WHERE member_id = ?").params(text, memberId.value()).update();
    }

    private static Set<Role> parseRoles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(",")).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static CooperativeView cooperative(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        Policies policies = new Policies(money(rs, "second_approval_above", currency),
                rs.getInt("risk_pool_minimum_members"), rs.getInt("risk_pool_maximum_members"),
                rs.getInt("development_budget_percent"), rs.getInt("maximum_hours_per_week"),
                rs.getBoolean("vat_registered"), PoolChangeDates.valueOf(rs.getString("risk_pool_change_dates")));
        return new CooperativeView(new CooperativeId(rs.getObject("cooperative_id", UUID.class)), rs.getString("name"),
                currency, rs.getObject("founded_on", LocalDate.class), policies);
    }

    private MemberView member(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        MembershipPeriod period = new MembershipPeriod(rs.getObject("joined_on", LocalDate.class),
                rs.getObject("left_on", LocalDate.class));
        String skills = rs.getString("skills");
        return new MemberView(new MemberId(rs.getObject("member_id", UUID.class)),
                new CooperativeId(rs.getObject("cooperative_id", UUID.class)), status(period),
                skills.isEmpty() ? List.of() : List.of(skills.split(",")),
                new TreeSet<>(parseRoles(rs.getString("roles"))), money(rs, "hourly_rate", currency),
                period.joinedOn(), period.leftOn());
    }

    private MemberStatus status(MembershipPeriod period) {
        if (period.leftOn() == null) {
            return MemberStatus.ACTIVE;
        }
        return period.leftBy(LocalDate.now(clock)) ? MemberStatus.LEFT : MemberStatus.LEAVING;
    }

    private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        return new Money(rs.getBigDecimal(column), currency);
    }
}
