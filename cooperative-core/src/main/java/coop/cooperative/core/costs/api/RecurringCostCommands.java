package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public final class RecurringCostCommands {

    private RecurringCostCommands() {
    }

    /**
     * Set up a cost that recurs from {@code firstDate} until {@code endDate} (inclusive). An EQUAL
     * split without participants means: all members active on each occurrence's date.
     */
    public record SetUpRecurringCost(@TargetAggregateIdentifier RecurringCostId recurringCostId,
                                     CooperativeId cooperativeId,
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

    /** Claim one occurrence: refused if that date was already submitted, so each occurs exactly once. */
    public record SubmitOccurrence(@TargetAggregateIdentifier RecurringCostId recurringCostId,
                                   LocalDate date,
                                   CostId costId) {
    }
}
