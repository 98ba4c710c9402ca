package coop.cooperative.core.hours.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * Entries of a member's month were billed on a sent invoice ({@code invoiceId}): from now on they
 * can be neither corrected nor withdrawn, and no other invoice bills them.
 */
@Revision("1")
public record HoursBilled(CooperativeId cooperativeId, MemberId memberId, List<EntryId> entryIds, UUID invoiceId) {
}
