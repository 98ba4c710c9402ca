package coop.cooperative.projections.hours;

import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.hours.api.HoursCorrected;
import coop.cooperative.core.hours.api.HoursKind;
import coop.cooperative.core.hours.api.HoursLogged;
import coop.cooperative.core.hours.api.HoursWithdrawn;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.hours.HoursQueries.Development;
import coop.cooperative.projections.hours.HoursQueries.DevelopmentBudget;
import coop.cooperative.projections.hours.HoursQueries.EntryView;
import coop.cooperative.projections.hours.HoursQueries.FindDevelopment;
import coop.cooperative.projections.hours.HoursQueries.FindEntry;
import coop.cooperative.projections.hours.HoursQueries.FindHoursPerMember;
import coop.cooperative.projections.hours.HoursQueries.FindMemberHours;
import coop.cooperative.projections.hours.HoursQueries.FindProjectHours;
import coop.cooperative.projections.hours.HoursQueries.HoursPerMember;
import coop.cooperative.projections.hours.HoursQueries.MemberDevelopment;
import coop.cooperative.projections.hours.HoursQueries.MemberHours;
import coop.cooperative.projections.hours.HoursQueries.PeriodHours;
import coop.cooperative.projections.hours.HoursQueries.ProjectHours;
import coop.cooperative.projections.hours.HoursQueries.ProjectWeek;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Every current hours entry, one row each (a correction replaces the row, a withdrawal deletes it);
 * the totals per week, month, project and budget are sums over these rows when asked.
 */
@Component
@ViewTables(value = "hours_entries", indexedAfterLoad = "hours_entries")
@ProcessingGroup("hours")
class HoursProjection {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final JdbcClient jdbc;

    HoursProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HoursLogged event) {
        write(event.cooperativeId(), event.memberId(), event.entryId(), event.date(), event.hours(), event.kind(),
                event.projectId(), event.subject(), event.description());
    }

    @EventHandler
    void on(HoursCorrected event) {
        write(event.cooperativeId(), event.memberId(), event.entryId(), event.date(), event.hours(), event.kind(),
                event.projectId(), event.subject(), event.description());
    }

    @EventHandler
    void on(HoursWithdrawn event) {
        jdbc.sql("DELETE FROM hours_entries WHERE entry_id = ?").param(event.entryId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM hours_entries").update();
    }

    @QueryHandler
    MemberHours handle(FindMemberHours query) {
        LocalDate from = LocalDate.of(query.year(), 1, 1);
        LocalDate to = from.plusYears(1).minusDays(1);
        Map<String, Map<HoursKind, BigDecimal>> months = new TreeMap<>();
        Map<String, Map<HoursKind, BigDecimal>> weeks = new TreeMap<>();
        jdbc.sql("""
                        SELECT period_month, iso_week, hours_kind, SUM(logged_hours) AS total FROM hours_entries
                        WHERE member_id = ? AND entry_date BETWEEN ? AND ?
                        GROUP BY period_month, iso_week, hours_kind""")
                .params(query.memberId().value(), from, to)
                .query(rs -> {
                    HoursKind kind = HoursKind.valueOf(rs.getString("hours_kind"));
                    BigDecimal total = rs.getBigDecimal("total");
                    months.computeIfAbsent(rs.getString("period_month"), k -> new HashMap<>()).merge(kind, total, BigDecimal::add);
                    weeks.computeIfAbsent(rs.getString("iso_week"), k -> new HashMap<>()).merge(kind, total, BigDecimal::add);
                });
        Map<HoursKind, BigDecimal> year = new HashMap<>();
        months.values().forEach(m -> m.forEach((k, v) -> year.merge(k, v, BigDecimal::add)));
        return new MemberHours(query.memberId(), query.year(), periods(months), periods(weeks),
                budget(year, query.developmentBudgetPercent()));
    }

    @QueryHandler
    HoursPerMember handle(FindHoursPerMember query) {
        Map<MemberId, BigDecimal> hours = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT member_id, SUM(logged_hours) AS total FROM hours_entries
                        WHERE cooperative_id = ? AND period_month = ? GROUP BY member_id ORDER BY member_id""")
                .params(query.cooperativeId().value(), query.month().toString())
                .query(rs -> {
                    hours.put(new MemberId(rs.getObject("member_id", UUID.class)), scaled(rs.getBigDecimal("total")));
                });
        return new HoursPerMember(hours);
    }

    @QueryHandler
    ProjectHours handle(FindProjectHours query) {
        return new ProjectHours(query.projectId(), jdbc.sql("""
                        SELECT iso_week, SUM(logged_hours) AS total FROM hours_entries
                        WHERE project_id = ? AND hours_kind = 'PROJECT' GROUP BY iso_week ORDER BY iso_week""")
                .param(query.projectId().value())
                .query((rs, row) -> new ProjectWeek(rs.getString("iso_week"), scaled(rs.getBigDecimal("total"))))
                .list());
    }

    @QueryHandler
    Development handle(FindDevelopment query) {
        LocalDate from = LocalDate.of(query.year(), 1, 1);
        Map<MemberId, Map<HoursKind, BigDecimal>> byMember = new TreeMap<>();
        jdbc.sql("""
                        SELECT member_id, hours_kind, SUM(logged_hours) AS total FROM hours_entries
                        WHERE cooperative_id = ? AND entry_date BETWEEN ? AND ? GROUP BY member_id, hours_kind""")
                .params(query.cooperativeId().value(), from, from.plusYears(1).minusDays(1))
                .query(rs -> {
                    byMember.computeIfAbsent(new MemberId(rs.getObject("member_id", UUID.class)), k -> new HashMap<>())
                            .merge(HoursKind.valueOf(rs.getString("hours_kind")), rs.getBigDecimal("total"), BigDecimal::add);
                });
        Map<HoursKind, BigDecimal> all = new HashMap<>();
        List<MemberDevelopment> members = new ArrayList<>();
        byMember.forEach((member, kinds) -> {
            kinds.forEach((k, v) -> all.merge(k, v, BigDecimal::add));
            members.add(new MemberDevelopment(member, budget(kinds, query.developmentBudgetPercent())));
        });
        return new Development(query.cooperativeId(), query.year(), members,
                budget(all, query.developmentBudgetPercent()));
    }

    @QueryHandler
    Optional<EntryView> handle(FindEntry query) {
        return jdbc.sql("SELECT * FROM hours_entries WHERE entry_id = ?")
                .param(query.entryId().value())
                .query((rs, row) -> {
                    UUID project = rs.getObject("project_id", UUID.class);
                    return new EntryView(new EntryId(rs.getObject("entry_id", UUID.class)),
                            new CooperativeId(rs.getObject("cooperative_id", UUID.class)),
                            new MemberId(rs.getObject("member_id", UUID.class)),
                            rs.getObject("entry_date", LocalDate.class), scaled(rs.getBigDecimal("logged_hours")),
                            HoursKind.valueOf(rs.getString("hours_kind")), project == null ? null : new ProjectId(project),
                            rs.getString("subject"), rs.getString("description"));
                })
                .optional();
    }

    private void write(CooperativeId cooperativeId, MemberId memberId, EntryId entryId, LocalDate date,
                       BigDecimal hours, HoursKind kind, ProjectId projectId, String subject, String description) {
        jdbc.sql("DELETE FROM hours_entries WHERE entry_id = ?").param(entryId.value()).update();
        jdbc.sql("""
                        INSERT INTO hours_entries (entry_id, cooperative_id, member_id, entry_date, period_month, iso_week,
                            hours_kind, project_id, logged_hours, subject, description)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entryId.value(), cooperativeId.value(), memberId.value(), date,
                        date.toString().substring(0, 7), isoWeek(date), kind.name(),
                        projectId == null ? null : projectId.value(), hours, subject, description)
                .update();
    }

    /** The ISO week of a date, as {@code 2026-W05}. */
    static String isoWeek(LocalDate date) {
        return "%d-W%02d".formatted(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static List<PeriodHours> periods(Map<String, Map<HoursKind, BigDecimal>> byPeriod) {
        List<PeriodHours> periods = new ArrayList<>();
        byPeriod.forEach((period, kinds) -> {
            BigDecimal project = kinds.getOrDefault(HoursKind.PROJECT, ZERO);
            BigDecimal development = kinds.getOrDefault(HoursKind.DEVELOPMENT, ZERO);
            BigDecimal cooperative = kinds.getOrDefault(HoursKind.COOPERATIVE, ZERO);
            periods.add(new PeriodHours(period, scaled(project), scaled(development), scaled(cooperative),
                    scaled(project.add(development).add(cooperative))));
        });
        return periods;
    }

    /** The budget is a share of all hours worked (every kind); development counts against it. */
    private static DevelopmentBudget budget(Map<HoursKind, BigDecimal> kinds, int percent) {
        BigDecimal worked = kinds.values().stream().reduce(ZERO, BigDecimal::add);
        BigDecimal development = kinds.getOrDefault(HoursKind.DEVELOPMENT, ZERO);
        BigDecimal budget = worked.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return new DevelopmentBudget(scaled(worked), percent, budget, scaled(development),
                scaled(budget.subtract(development)));
    }

    private static BigDecimal scaled(BigDecimal hours) {
        return hours.setScale(2, RoundingMode.UNNECESSARY);
    }
}
