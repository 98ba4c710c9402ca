package coop.cooperative.core.hours.api;

import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Hours of an entry; {@code projectId} only for PROJECT, {@code subject} only for DEVELOPMENT. */
@Revision("1")
public record HoursLogged(CooperativeId cooperativeId, MemberId memberId, EntryId entryId, LocalDate date,
                          BigDecimal hours, HoursKind kind, ProjectId projectId, String subject, String description) {
}
