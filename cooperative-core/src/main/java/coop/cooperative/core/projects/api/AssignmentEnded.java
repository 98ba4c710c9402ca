package coop.cooperative.core.projects.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An assignment now ends on this date (its last day); a date before its first day means it never starts. */
@Revision("1")
public record AssignmentEnded(CooperativeId cooperativeId, ProjectId projectId, AssignmentId assignmentId,
                              MemberId memberId, LocalDate endDate) {
}
