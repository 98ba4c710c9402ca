package coop.cooperative.app.projects;

import coop.cooperative.core.projects.api.AssignmentEnded;
import coop.cooperative.core.projects.api.AssignmentId;
import coop.cooperative.core.projects.api.AssignmentRole;
import coop.cooperative.core.projects.api.ProjectCommands.AssignMember;
import coop.cooperative.core.projects.api.ProjectCommands.BookWorkload;
import coop.cooperative.core.projects.api.ProjectCommands.Booking;
import coop.cooperative.core.projects.api.ProjectCommands.CloseProject;
import coop.cooperative.core.projects.api.ProjectCommands.EndAssignment;
import coop.cooperative.core.projects.api.ProjectCommands.EndAssignmentOnLeaving;
import coop.cooperative.core.projects.api.ProjectCommands.ReleaseWorkload;
import coop.cooperative.core.projects.api.ProjectCommands.ReleaseWorkloadOnLeaving;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/**
 * Keeps a project's assignments and its members' workloads in step. Each change sends one command
 * to the project and one to each member's workload in a single database transaction: the event
 * store is in that transaction, so either both aggregates record the change or neither does.
 */
@Service
public class Assignments {

    private final CommandGateway commands;
    private final EventStore eventStore;

    Assignments(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @Transactional
    public AssignmentId assign(CooperativeId cooperativeId, ProjectId projectId, MemberView member, AssignmentRole role,
                               String skill, int hoursPerWeek, LocalDate from, LocalDate to, LocalDate today,
                               int maximumHoursPerWeek) {
        AssignmentId assignmentId = AssignmentId.random();
        boolean active = !member.period().leftBy(today);
        if (active && member.leftOn() != null && !to.isBefore(member.leftOn())) {
            // the leaving was already handled when notice was given; nothing would end this one later.
            // The leaving date is the first day out, so the assignment ends by the day before it.
            throw new RuleViolation(Refusal.PROJECT_MEMBER_LEAVES, "The member leaves on " + member.leftOn() + "; an assignment must end by "
                    + member.leftOn().minusDays(1), member.leftOn().minusDays(1));
        }
        commands.sendAndWait(new AssignMember(projectId, assignmentId, member.memberId(), role, skill, hoursPerWeek,
                from, to, active, member.skills()));
        commands.sendAndWait(new BookWorkload(member.memberId(), cooperativeId, projectId, assignmentId, hoursPerWeek,
                from, to, maximumHoursPerWeek));
        return assignmentId;
    }

    @Transactional
    public void end(ProjectId projectId, AssignmentId assignmentId, LocalDate endDate) {
        AssignmentEnded ended = commands.sendAndWait(new EndAssignment(projectId, assignmentId, endDate));
        commands.sendAndWait(new ReleaseWorkload(ended.memberId(), assignmentId, ended.endDate()));
    }

    @Transactional
    public void close(ProjectId projectId, LocalDate closedOn) {
        List<AssignmentEnded> ended = commands.sendAndWait(new CloseProject(projectId, closedOn));
        for (AssignmentEnded e : ended) {
            commands.sendAndWait(new ReleaseWorkload(e.memberId(), e.assignmentId(), e.endDate()));
        }
    }

    /**
     * A member left: every assignment ends on the leaving date. A member who was never assigned has no
     * workload, and nothing ends: the event store says so (the workload's events are stored under the
     * member's id), rather than a refused command, which Axon would log as a warning with a stack
     * trace. A transaction of its own, so a failure leaves the caller's transaction untouched; and
     * idempotent, so a retried event changes nothing the second time.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void endOnLeaving(MemberId memberId, LocalDate leftOn) {
        if (eventStore.lastSequenceNumberFor(memberId.toString()).isEmpty()) {
            return;
        }
        List<Booking> bookings = commands.sendAndWait(new ReleaseWorkloadOnLeaving(memberId, leftOn));
        for (Booking booking : bookings) {
            commands.sendAndWait(new EndAssignmentOnLeaving(booking.projectId(), booking.assignmentId(), leftOn));
        }
    }
}
