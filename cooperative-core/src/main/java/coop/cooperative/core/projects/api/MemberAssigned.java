package coop.cooperative.core.projects.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record MemberAssigned(CooperativeId cooperativeId, ProjectId projectId, AssignmentId assignmentId,
                             MemberId memberId, AssignmentRole role, String skill, int hoursPerWeek,
                             LocalDate from, LocalDate to) {
}
