package coop.cooperative.core.projects.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** The commands of projects and of a member's workload. */
public final class ProjectCommands {

    private ProjectCommands() {
    }

    public record RegisterProject(@TargetAggregateIdentifier ProjectId projectId,
                                  CooperativeId cooperativeId,
                                  String name,
                                  String client,
                                  LocalDate start,
                                  LocalDate end,
                                  List<RequiredSkill> requiredSkills) {
    }

    /** Change a project's dates or required skills. */
    public record ReplanProject(@TargetAggregateIdentifier ProjectId projectId,
                                LocalDate start,
                                LocalDate end,
                                List<RequiredSkill> requiredSkills) {
    }

    /** Close a project on a date; assignments running past it end on that date. */
    public record CloseProject(@TargetAggregateIdentifier ProjectId projectId, LocalDate closedOn) {
    }

    /**
     * Assign a member. Whether the member is active and which skills they have come from the members
     * read model, looked up by the sender: the project cannot look them up itself.
     */
    public record AssignMember(@TargetAggregateIdentifier ProjectId projectId,
                               AssignmentId assignmentId,
                               MemberId memberId,
                               AssignmentRole role,
                               String skill,
                               int hoursPerWeek,
                               LocalDate from,
                               LocalDate to,
                               boolean memberActive,
                               List<String> memberSkills) {
    }

    /** End an assignment on a date (its last day); a date before its first day cancels it. */
    public record EndAssignment(@TargetAggregateIdentifier ProjectId projectId,
                                AssignmentId assignmentId,
                                LocalDate endDate) {
    }

    /**
     * The member left: the assignment ends on the day before the leaving date (the leaving date is
     * the first day out, as the books count it) unless it already ends by then. Never refused, so
     * reacting to a leaving member is idempotent.
     */
    public record EndAssignmentOnLeaving(@TargetAggregateIdentifier ProjectId projectId,
                                         AssignmentId assignmentId,
                                         LocalDate leftOn) {

        /** The member's last day in: the day before the leaving date. */
        public LocalDate lastDayIn() {
            return leftOn.minusDays(1);
        }
    }

    /**
     * Book an assignment's hours per week on the member's workload, which guards the maximum hours
     * per week across projects (the cooperative's policy, given by the sender).
     */
    public record BookWorkload(@TargetAggregateIdentifier MemberId memberId,
                               CooperativeId cooperativeId,
                               ProjectId projectId,
                               AssignmentId assignmentId,
                               int hoursPerWeek,
                               LocalDate from,
                               LocalDate to,
                               int maximumHoursPerWeek) {
    }

    /** An assignment ended early: its hours are free again after this date. */
    public record ReleaseWorkload(@TargetAggregateIdentifier MemberId memberId,
                                  AssignmentId assignmentId,
                                  LocalDate endDate) {
    }

    /**
     * The member left: every booking ends on the day before the leaving date, their first day out.
     * Answers all the member's bookings, so the sender can end each assignment on its project
     * (idempotently, on a retry too).
     */
    public record ReleaseWorkloadOnLeaving(@TargetAggregateIdentifier MemberId memberId, LocalDate leftOn) {

        /** The member's last day in: the day before the leaving date. */
        public LocalDate lastDayIn() {
            return leftOn.minusDays(1);
        }
    }

    /** One booking on a member's workload, as answered by {@link ReleaseWorkloadOnLeaving}. */
    public record Booking(ProjectId projectId, AssignmentId assignmentId) {
    }
}
