package coop.cooperative.core.costs;

import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.Frequency;
import coop.cooperative.core.costs.api.OccurrenceSubmitted;
import coop.cooperative.core.costs.api.RecurringCostCommands.SetUpRecurringCost;
import coop.cooperative.core.costs.api.RecurringCostCommands.SubmitOccurrence;
import coop.cooperative.core.costs.api.RecurringCostId;
import coop.cooperative.core.costs.api.RecurringCostSetUp;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.core.shared.Texts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cost that recurs. It remembers which occurrence dates it has submitted and refuses a date
 * twice; with the event store's optimistic lock on the aggregate's sequence, two schedulers (after
 * a restart, or on two nodes) can never both submit the same occurrence.
 */
public class RecurringCost {

    @AggregateIdentifier
    private RecurringCostId recurringCostId;
    private CooperativeId cooperativeId;
    private Frequency frequency;
    private LocalDate firstDate;
    private LocalDate endDate;
    private final Map<LocalDate, CostId> submitted = new HashMap<>();

    /** Longer than any contract a cooperative signs, and a bound on the occurrences one cost can make. */
    public static final Period LONGEST = Period.ofYears(10);

    protected RecurringCost() {
        // for Axon
    }

    @CommandHandler
    public RecurringCost(SetUpRecurringCost command) {
        Money amount = command.amount();
        if (amount == null || !amount.isPositive() || amount.amount().compareTo(Money.MAXIMUM) > 0) {
            throw new RuleViolation(Refusal.RECURRING_AMOUNT, "The amount of a recurring cost must be more than zero and at most 999999999.99");
        }
        Texts.requirePlain(command.description(), "description");
        if (command.description() == null || command.description().isBlank() || command.description().length() > 200) {
            throw new RuleViolation(Refusal.RECURRING_DESCRIPTION, "A recurring cost needs a description of at most 200 characters");
        }
        if (!Category.isValid(command.category())) {
            throw new RuleViolation(Refusal.COST_CATEGORY, "The category must be a lowercase word such as insurance or software");
        }
        if (command.frequency() == null || command.firstDate() == null || command.endDate() == null) {
            throw new RuleViolation(Refusal.RECURRING_SCHEDULE, "A recurring cost needs a frequency, a first date and an end date");
        }
        Dates.require(command.firstDate(), "firstDate");
        Dates.require(command.endDate(), "endDate");
        if (command.endDate().isBefore(command.firstDate())) {
            throw new RuleViolation(Refusal.RECURRING_END_BEFORE_FIRST, "The end date of a recurring cost cannot be before its first date");
        }
        if (command.endDate().isAfter(command.firstDate().plus(LONGEST))) {
            throw new RuleViolation(Refusal.RECURRING_TOO_LONG, "endDate: a recurring cost runs for at most " + LONGEST.getYears()
                    + " years; set it up again when it is renewed", LONGEST.getYears());
        }
        if (command.split() == null || command.split().method() == null) {
            throw new RuleViolation(Refusal.RECURRING_SPLIT, "A recurring cost needs a split");
        }
        if (command.split().participants().isEmpty() && !command.split().leavesParticipantsOpen()) {
            throw new RuleViolation(Refusal.RECURRING_OPEN_PARTICIPANTS, "Only an EQUAL split may leave the participants open (all active members)");
        }
        apply(new RecurringCostSetUp(command.cooperativeId(), command.recurringCostId(), command.description().strip(),
                amount, command.category(), command.paidBy(), command.split(), command.frequency(),
                command.firstDate(), command.endDate(), command.setUpBy(), command.setUpOn()));
    }

    @CommandHandler
    public void handle(SubmitOccurrence command) {
        if (submitted.containsKey(command.date())) {
            throw new Conflict(Refusal.RECURRING_OCCURRENCE_SUBMITTED, "The occurrence of " + command.date()
                    + " was already submitted as cost " + submitted.get(command.date()), command.date(), submitted.get(command.date()));
        }
        if (!isScheduled(command.date())) {
            throw new RuleViolation(Refusal.RECURRING_NOT_OCCURRENCE, command.date() + " is not an occurrence date of this recurring cost",
                    command.date());
        }
        apply(new OccurrenceSubmitted(cooperativeId, recurringCostId, command.date(), command.costId()));
    }

    private boolean isScheduled(LocalDate date) {
        if (date.isBefore(firstDate) || date.isAfter(endDate)) {
            return false;
        }
        for (int n = 0; ; n++) {
            LocalDate occurrence = frequency.occurrence(firstDate, n);
            if (occurrence.equals(date)) {
                return true;
            }
            if (occurrence.isAfter(date)) {
                return false;
            }
        }
    }

    @EventSourcingHandler
    void on(RecurringCostSetUp event) {
        recurringCostId = event.recurringCostId();
        cooperativeId = event.cooperativeId();
        frequency = event.frequency();
        firstDate = event.firstDate();
        endDate = event.endDate();
    }

    @EventSourcingHandler
    void on(OccurrenceSubmitted event) {
        submitted.put(event.date(), event.costId());
    }
}
