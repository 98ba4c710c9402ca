package coop.cooperative.core.projects.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An assignment's hours count towards the member's workload only up to this date. */
@Revision("1")
public record WorkloadReleased(CooperativeId cooperativeId, MemberId memberId, AssignmentId assignmentId,
                               LocalDate endDate) {
}
