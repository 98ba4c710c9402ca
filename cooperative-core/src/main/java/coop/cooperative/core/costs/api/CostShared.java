package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A cost was submitted for sharing; nothing is posted until it is approved. {@code paidBy} null
 * means the cooperative paid; {@code shares} are in member-id order and add up to {@code amount},
 * or to {@code amount} less {@code vat} when {@code inputVat}. {@code vat} is the VAT included in
 * {@code amount} (zero when none was given). {@code inputVat}: the cooperative is VAT-registered,
 * so the VAT is its input VAT (reclaimed on the VAT return) and the members share the amount net of
 * it; otherwise the VAT is part of what they share and only noted. {@code roundedUp}: the members
 * whose share got one of the cents the split left over (largest remainder), in member-id order.
 * <p>
 * Revision 2 added {@code vat}; revision 1 events are read with a VAT of zero (the amount was
 * all there was), by the upcaster {@code CostSharedVatUpcaster}. Revision 3 added {@code inputVat}
 * and {@code roundedUp}; older events are read as not VAT-registered and with no leftover cents
 * known, by {@code CostSharedInputVatUpcaster}. Revision 4 added {@code secondApprovalAbove}, the
 * cooperative's threshold when the cost was shared: a cost above it needs two approvals, whatever
 * the policy says by the time it is approved. Older events carry none ({@code CostSharedThresholdUpcaster}),
 * and are approved by the policy of the day.
 */
@Revision("4")
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
                         RecurringCostId recurringCostId,
                         boolean inputVat,
                         List<MemberId> roundedUp,
                         Money secondApprovalAbove) {

    public CostShared {
        roundedUp = roundedUp == null ? List.of() : List.copyOf(roundedUp);
    }

    /** What the members share: the amount, less the VAT when it is input VAT. */
    public Money sharedAmount() {
        return inputVat ? amount.minus(vat) : amount;
    }
}
