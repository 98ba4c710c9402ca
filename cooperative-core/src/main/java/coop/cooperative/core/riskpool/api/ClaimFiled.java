package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A member who cannot work filed a claim starting on this date; until it closes they are unavailable.
 * {@code filedOn} and {@code lateFilingAcceptedBy} (the admin who accepted a start more than 30
 * days before the filing; null otherwise) are null in claims filed before they were recorded.
 */
@Revision("1")
public record ClaimFiled(CooperativeId cooperativeId, ClaimId claimId, MemberId memberId, LocalDate startDate,
                         LocalDate filedOn, MemberId lateFilingAcceptedBy) {
}
