package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A member leaving the pool gave their share of the gifts due for the month they leave in, before
 * taking their balance: one {@link ClaimGift} per claim being paid that month.
 */
@Revision("1")
public record GiftsGivenOnLeaving(CooperativeId cooperativeId, MemberId memberId, List<ClaimGift> gifts,
                                  LocalDate givenOn) {
}
