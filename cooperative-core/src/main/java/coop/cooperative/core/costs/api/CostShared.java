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
 * {@code vat} is the VAT included in {@code amount} (zero when none was given).
 * <p>
 * Revision 2 added {@code vat}; revision 1 events are read with a VAT of zero (the amount was
 * all there was), by the upcaster {@code CostSharedVatUpcaster}.
 */
@Revision("2")
public record CostShared(CooperativeId cooperativeId,
                         CostId costId,
                         String description,
                         Money amount,
                         Money vat,
                         LocalDate date,
                         String category,
                         MemberId paidBy,
                         Split split,
                         List<Share> shares,
                         MemberId submittedBy,
                         LocalDate submittedOn,
                         RecurringCostId recurringCostId) {
}
