package coop.cooperative.core.projects.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An assignment's hours per week now count towards the member's workload. */
@Revision("1")
public record WorkloadBooked(CooperativeId cooperativeId, MemberId memberId, ProjectId projectId,
                             AssignmentId assignmentId, int hoursPerWeek, LocalDate from, LocalDate to) {
}
