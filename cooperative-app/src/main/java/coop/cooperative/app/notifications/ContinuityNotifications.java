package coop.cooperative.app.notifications;

import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.core.membership.api.MemberLeft;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.projects.api.AssignmentEnded;
import coop.cooperative.core.projects.api.MemberAssigned;
import coop.cooperative.core.projects.api.ProjectReplanned;
import coop.cooperative.core.riskpool.api.ClaimClosed;
import coop.cooperative.core.riskpool.api.ClaimFiled;
import coop.cooperative.core.riskpool.api.ClaimRejected;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.projections.continuity.ContinuityQueries.ContinuityReport;
import coop.cooperative.projections.continuity.ContinuityQueries.FindContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.ProjectContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.Status;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * The cooperative's admins hear when a project's continuity falls from covered to at risk. After
 * every event that changes who is available for a project, it reads the continuity view (once that
 * view has handled the event) and compares each project's status with the one it remembers
 * (continuity_alerts). A member joining or a project registered never lowers anyone's continuity,
 * so those are not looked at (and the first member joins before the members view knows the
 * cooperative). Only the fall from COVERED is news: a project being staffed passes through
 * "at risk" on its way up, and its admin is the one staffing it.
 */
@Component
@ProcessingGroup(NotificationsProcessor.NAME)
@DisallowReplay
class ContinuityNotifications {

    private static final String CONTINUITY_VIEW = "continuity";

    private final Notices notices;
    private final ProjectionCatchUp views;
    private final QueryGateway queries;
    private final CooperativeAccess access;
    private final MemberProfiles profiles;
    private final BookRules rules;
    private final JdbcClient jdbc;

    ContinuityNotifications(Notices notices, ProjectionCatchUp views, QueryGateway queries, CooperativeAccess access,
                            MemberProfiles profiles, BookRules rules, JdbcClient jdbc) {
        this.notices = notices;
        this.views = views;
        this.queries = queries;
        this.access = access;
        this.profiles = profiles;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectReplanned event, TrackingToken token, @MessageIdentifier String eventId) {
        check(event.cooperativeId(), token, eventId);
    }

    @EventHandler
    void on(MemberAssigned event, TrackingToken token, @MessageIdentifier String eventId) {
        check(event.cooperativeId(), token, eventId);
    }

    @EventHandler
    void on(AssignmentEnded event, TrackingToken token, @MessageIdentifier String eventId) {
        check(event.cooperativeId(), token, eventId);
    }

    @EventHandler
    void on(MemberLeft event, TrackingToken token, @MessageIdentifier String eventId) {
        check(event.cooperativeId(), token, eventId);
    }

    @EventHandler
    void on(ClaimFiled event, TrackingToken token, @MessageIdentifier String eventId) {
        check(event.cooperativeId(), token, eventId);
    }

    @EventHandler
    void on(ClaimClosed event, TrackingToken token, @MessageIdentifier String eventId) {
        check(event.cooperativeId(), token, eventId);
    }

    @EventHandler
    void on(ClaimRejected event, TrackingToken token, @MessageIdentifier String eventId) {
        check(event.cooperativeId(), token, eventId);
    }

    private void check(CooperativeId cooperativeId, TrackingToken token, String eventId) {
        if (!notices.on()) {
            return;
        }
        views.await(CONTINUITY_VIEW, token.position().orElse(-1));
        ContinuityReport report = queries.query(new FindContinuity(cooperativeId, profiles.names(cooperativeId),
                access.cooperative(cooperativeId).policies().maximumHoursPerWeek(), null, true),
                ContinuityReport.class).join();
        for (ProjectContinuity project : report.projects()) {
            if (fellToAtRisk(project.projectId().value(), project.status())) {
                notices.send(NotificationKind.CONTINUITY_AT_RISK, "continuity-at-risk",
                        eventId + ":" + project.projectId().value(), cooperativeId,
                        BookRules.holding(rules.members(cooperativeId), Role.ADMIN),
                        "/projects/" + project.projectId().value(), Map.of("project", project.name()));
            }
        }
    }

    /**
     * Remembers the project's status, and says whether it just fell from covered to at risk. The
     * fall is one conditional UPDATE, so of two segments that see it at once only one says so.
     */
    private boolean fellToAtRisk(UUID projectId, Status now) {
        if (now == Status.AT_RISK && jdbc.sql("""
                        UPDATE continuity_alerts SET status = ? WHERE project_id = ? AND status = ?""")
                .params(now.name(), projectId, Status.COVERED.name()).update() == 1) {
            return true;
        }
        if (jdbc.sql("UPDATE continuity_alerts SET status = ? WHERE project_id = ?")
                .params(now.name(), projectId).update() == 0) {
            jdbc.sql("INSERT INTO continuity_alerts (project_id, status) VALUES (?, ?)")
                    .params(projectId, now.name()).update();
        }
        return false;
    }
}
