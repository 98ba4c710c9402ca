package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A cost was submitted for sharing; nothing is posted until it is approved. {@code paidBy} null
 * means the cooperative paid; {@code shares} are in member-id order and add up to {@code amount}.
 */
@Revision("1")
public record CostShared(CooperativeId cooperativeId,
                         CostId costId,
                         String description,
                         Money amount,
                         LocalDate date,
                         String category,
                         MemberId paidBy,
                         Split split,
                         List<Share> shares,
                         MemberId submittedBy,
                         LocalDate submittedOn,
                         RecurringCostId recurringCostId) {
}
