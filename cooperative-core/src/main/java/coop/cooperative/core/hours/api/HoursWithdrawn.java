package coop.cooperative.core.hours.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record HoursWithdrawn(CooperativeId cooperativeId, MemberId memberId, EntryId entryId, LocalDate date) {
}
