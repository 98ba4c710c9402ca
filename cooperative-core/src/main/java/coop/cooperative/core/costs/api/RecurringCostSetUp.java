package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record RecurringCostSetUp(CooperativeId cooperativeId,
                                 RecurringCostId recurringCostId,
                                 String description,
                                 Money amount,
                                 String category,
                                 MemberId paidBy,
                                 Split split,
                                 Frequency frequency,
                                 LocalDate firstDate,
                                 LocalDate endDate,
                                 MemberId setUpBy,
                                 LocalDate setUpOn) {
}
