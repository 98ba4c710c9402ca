package coop.cooperative.projections.projects;

import coop.cooperative.core.projects.api.AssignmentId;
import coop.cooperative.core.projects.api.AssignmentRole;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The queries the projects read model answers, and the views it answers with. */
public final class ProjectQueries {

    private ProjectQueries() {
    }

    public record FindProjects(CooperativeId cooperativeId) {
    }

    public record FindProject(ProjectId projectId) {
    }

    /** The projects a member is assigned to (any role) on a date. */
    public record FindProjectsAssignedOn(MemberId memberId, LocalDate date) {
    }

    public record AssignedProjects(Set<ProjectId> projects) {
    }

    public record ProjectView(ProjectId projectId, CooperativeId cooperativeId, String name, String client,
                              LocalDate start, LocalDate end, LocalDate closedOn, List<RequiredSkill> requiredSkills,
                              List<AssignmentView> assignments) {

        public int plannedHoursPerWeek() {
            return requiredSkills.stream().mapToInt(RequiredSkill::hoursPerWeek).sum();
        }
    }

    public record AssignmentView(AssignmentId assignmentId, MemberId memberId, AssignmentRole role, String skill,
                                 int hoursPerWeek, LocalDate from, LocalDate to) {
    }
}
