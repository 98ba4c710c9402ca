package coop.cooperative.projections.continuity;

import coop.cooperative.core.membership.MembershipPeriod;
import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.core.membership.api.MemberLeft;
import coop.cooperative.core.projects.api.AssignmentEnded;
import coop.cooperative.core.projects.api.AssignmentRole;
import coop.cooperative.core.projects.api.MemberAssigned;
import coop.cooperative.core.projects.api.ProjectClosed;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.ProjectRegistered;
import coop.cooperative.core.projects.api.ProjectReplanned;
import coop.cooperative.core.riskpool.api.ClaimClosed;
import coop.cooperative.core.riskpool.api.ClaimFiled;
import coop.cooperative.core.riskpool.api.ClaimRejected;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.continuity.ContinuityJudge.Assignment;
import coop.cooperative.projections.continuity.ContinuityJudge.Claim;
import coop.cooperative.projections.continuity.ContinuityJudge.Member;
import coop.cooperative.projections.continuity.ContinuityQueries.ContinuityReport;
import coop.cooperative.projections.continuity.ContinuityQueries.FindContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.ProjectContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.SkillContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.Status;
import coop.cooperative.projections.projects.ProjectRows;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores the dates that decide availability (assignment ranges, leaving dates, claim periods) as
 * events arrive, and judges availability when asked, against today from the injected clock: a claim
 * that closes next week makes its member available next week without any new event.
 */
@Component
@ViewTables({"continuity_projects", "continuity_skills", "continuity_assignments", "continuity_members", "continuity_claims"})
@ProcessingGroup("continuity")
class ContinuityProjection {

    private final JdbcClient jdbc;
    private final ProjectRows rows;
    private final Clock clock;

    ContinuityProjection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.rows = new ProjectRows(jdbc, "continuity_projects", "continuity_skills", false,
                "continuity_assignments");
        this.clock = clock;
    }

    // Written alike in both views by ProjectRows; Axon wants a processing group's handlers on its own class.
    @EventHandler void on(ProjectRegistered event) { rows.registered(event); }
    @EventHandler void on(ProjectReplanned event) { rows.replanned(event); }
    @EventHandler void on(ProjectClosed event) { rows.closed(event); }
    @EventHandler void on(MemberAssigned event) { rows.assigned(event); }
    @EventHandler void on(AssignmentEnded event) { rows.ended(event); }

    @EventHandler
    void on(MemberJoined event) {
        jdbc.sql("DELETE FROM continuity_members WHERE member_id = ?").param(event.memberId().value()).update();
        jdbc.sql("INSERT INTO continuity_members (member_id, cooperative_id, skills, joined_on) VALUES (?, ?, ?, ?)")
                .params(event.memberId().value(), event.cooperativeId().value(), String.join(",", event.skills()),
                        event.joinedOn())
                .update();
    }

    @EventHandler
    void on(MemberLeft event) {
        jdbc.sql("UPDATE continuity_members SET left_on = ? WHERE member_id = ?")
                .params(event.leftOn(), event.memberId().value()).update();
    }

    @EventHandler
    void on(ClaimFiled event) {
        jdbc.sql("DELETE FROM continuity_claims WHERE claim_id = ?").param(event.claimId().value()).update();
        jdbc.sql("""
                        INSERT INTO continuity_claims (claim_id, cooperative_id, member_id, start_date, rejected)
                        VALUES (?, ?, ?, ?, FALSE)""")
                .params(event.claimId().value(), event.cooperativeId().value(), event.memberId().value(),
                        event.startDate())
                .update();
    }

    @EventHandler
    void on(ClaimClosed event) {
        jdbc.sql("UPDATE continuity_claims SET end_date = ? WHERE claim_id = ?")
                .params(event.endDate(), event.claimId().value()).update();
    }

    @EventHandler
    void on(ClaimRejected event) {
        jdbc.sql("UPDATE continuity_claims SET rejected = TRUE WHERE claim_id = ?")
                .param(event.claimId().value()).update();
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("continuity_claims", "continuity_members", "continuity_assignments",
                "continuity_skills", "continuity_projects")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @QueryHandler
    ContinuityReport handle(FindContinuity query) {
        LocalDate today = LocalDate.now(clock);
        UUID cooperative = query.cooperativeId().value();
        Map<MemberId, Member> members = new HashMap<>();
        jdbc.sql("SELECT * FROM continuity_members WHERE cooperative_id = ?").param(cooperative)
                .query(rs -> {
                    String skills = rs.getString("skills");
                    MemberId id = new MemberId(rs.getObject("member_id", UUID.class));
                    members.put(id, new Member(id, skills.isEmpty() ? List.of() : List.of(skills.split(",")),
                            new MembershipPeriod(rs.getObject("joined_on", LocalDate.class),
                                    rs.getObject("left_on", LocalDate.class)), new ArrayList<>()));
                });
        jdbc.sql("SELECT * FROM continuity_claims WHERE cooperative_id = ? AND rejected = FALSE").param(cooperative)
                .query(rs -> {
                    Member member = members.get(new MemberId(rs.getObject("member_id", UUID.class)));
                    if (member != null) {
                        member.claims().add(new Claim(rs.getObject("start_date", LocalDate.class),
                                rs.getObject("end_date", LocalDate.class)));
                    }
                });
        List<Assignment> assignments = jdbc.sql("SELECT * FROM continuity_assignments WHERE cooperative_id = ? AND to_date >= from_date")
                .param(cooperative)
                .query((rs, row) -> new Assignment(new ProjectId(rs.getObject("project_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class)),
                        AssignmentRole.valueOf(rs.getString("assignment_role")), rs.getString("skill"),
                        rs.getInt("hours_per_week"), rs.getObject("from_date", LocalDate.class),
                        rs.getObject("to_date", LocalDate.class)))
                .list();
        Map<UUID, List<String>> skills = new HashMap<>();
        jdbc.sql("""
                        SELECT s.project_id, s.skill FROM continuity_skills s JOIN continuity_projects p USING (project_id)
                        WHERE p.cooperative_id = ? ORDER BY s.skill""")
                .param(cooperative)
                .query(rs -> {
                    skills.computeIfAbsent(rs.getObject("project_id", UUID.class), k -> new ArrayList<>())
                            .add(rs.getString("skill"));
                });
        List<ProjectContinuity> projects = new ArrayList<>();
        jdbc.sql("""
                        SELECT * FROM continuity_projects WHERE cooperative_id = ? AND end_date >= ?
                        AND (closed_on IS NULL OR closed_on > ?) ORDER BY name, project_id""")
                .params(cooperative, today, today)
                .query(rs -> {
                    ProjectId projectId = new ProjectId(rs.getObject("project_id", UUID.class));
                    if (query.projects() != null && !query.projects().contains(projectId)) {
                        return;
                    }
                    LocalDate start = rs.getObject("start_date", LocalDate.class);
                    // A project that has not started is judged on its first day, by what is known now.
                    LocalDate day = start.isAfter(today) ? start : today;
                    ContinuityJudge judge = new ContinuityJudge(query, members, assignments, day);
                    List<SkillContinuity> skillReports = skills.getOrDefault(projectId.value(), List.of()).stream()
                            .map(skill -> judge.skill(projectId, skill))
                            .toList();
                    Status worst = skillReports.stream().map(SkillContinuity::status)
                            .max(Comparator.naturalOrder()).orElse(Status.UNCOVERED);
                    projects.add(new ProjectContinuity(projectId, rs.getString("name"), rs.getString("client_name"),
                            worst, skillReports));
                });
        return new ContinuityReport(projects);
    }
}
