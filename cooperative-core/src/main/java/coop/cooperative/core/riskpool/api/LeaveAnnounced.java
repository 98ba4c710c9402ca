package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A member leaves the pool on a later day (the fund's next fixed date); until then they give and may claim. */
@Revision("1")
public record LeaveAnnounced(CooperativeId cooperativeId, MemberId memberId, LocalDate leftOn) {
}
