package coop.cooperative.core.costs;

import coop.cooperative.core.costs.api.CostApprovalGiven;
import coop.cooperative.core.costs.api.CostApproved;
import coop.cooperative.core.costs.api.CostCommands.ApproveCost;
import coop.cooperative.core.costs.api.CostCommands.RejectCost;
import coop.cooperative.core.costs.api.CostCommands.ReverseCost;
import coop.cooperative.core.costs.api.CostCommands.ShareCost;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.CostRejected;
import coop.cooperative.core.costs.api.CostReversed;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.OpenPeriods;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.core.shared.Texts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One shared cost: submitted, then approved (once or twice) or rejected; an approved cost may be
 * reversed once. Never edited: a correction is a reversal and a new cost.
 */
public class SharedCost {

    enum Status { SUBMITTED, APPROVED, REJECTED, REVERSED }

    @AggregateIdentifier
    private CostId costId;
    private CooperativeId cooperativeId;
    private Money amount;
    private LocalDate date;
    private MemberId submittedBy;
    private MemberId paidBy;
    private Status status;
    private MemberId firstApprover;
    private Money secondApprovalAbove;

    protected SharedCost() {
        // for Axon
    }

    @CommandHandler
    public SharedCost(ShareCost command, OpenPeriods periods) {
        periods.requireOpen(command.cooperativeId(), command.date());
        Texts.requirePlain(command.description(), "description");
        String description = command.description() == null ? "" : command.description().strip();
        if (description.isEmpty() || description.length() > 200 || description.chars().anyMatch(Character::isISOControl)) {
            throw new RuleViolation(Refusal.COST_DESCRIPTION, "A shared cost needs a description of at most 200 characters on one line");
        }
        Money amount = command.amount();
        if (amount == null || !amount.isPositive() || amount.amount().compareTo(Money.MAXIMUM) > 0) {
            throw new RuleViolation(Refusal.COST_AMOUNT, "The amount of a shared cost must be more than zero and at most 999999999.99");
        }
        if (!Category.isValid(command.category())) {
            throw new RuleViolation(Refusal.COST_CATEGORY, "The category must be a lowercase word such as insurance or software");
        }
        Dates.require(command.date(), "date");
        if (command.paidBy() != null && !command.activeMembers().contains(command.paidBy())) {
            throw new RuleViolation(Refusal.COST_PAYER_NOT_MEMBER, "The payer " + command.paidBy() + " was not a member on "
                    + command.date(), command.paidBy(), command.date());
        }
        Split requested = command.split().amongActive(command.activeMembers());
        for (MemberId participant : requested.participants()) {
            if (!command.activeMembers().contains(participant)) {
                throw new RuleViolation(Refusal.COST_PARTICIPANT_NOT_MEMBER, "The participant " + participant + " was not a member on "
                        + command.date(), participant, command.date());
            }
        }
        if (command.secondApprovalAbove() == null || command.secondApprovalAbove().amount().signum() < 0) {
            throw new RuleViolation(Refusal.COST_THRESHOLD, "A shared cost records the threshold above which it needs two approvals");
        }
        Money vat = command.vat() == null ? Money.zero(amount.currency()) : command.vat();
        if (!vat.currency().equals(amount.currency()) || vat.amount().signum() < 0
                || vat.amount().compareTo(amount.amount()) > 0) {
            throw new RuleViolation(Refusal.COST_VAT, "The VAT must be in the cost's currency, not negative and at most the amount");
        }
        // A VAT-registered cooperative reclaims the VAT on its return: the members share only the rest.
        boolean inputVat = command.vatRegistered() && vat.isPositive();
        Money shared = inputVat ? amount.minus(vat) : amount;
        CostSplit.Result split = CostSplit.split(shared, requested,
                LeftoverCents.tieOrder(command.costId(), command.leftoverCentsCarried()));
        apply(new CostShared(command.cooperativeId(), command.costId(), description, amount, vat, command.date(),
                command.category(), command.paidBy(), requested, split.shares(), command.submittedBy(),
                command.submittedOn(), command.recurringCostId(), inputVat, split.roundedUp(),
                command.secondApprovalAbove()));
    }

    @CommandHandler
    public void handle(ApproveCost command, OpenPeriods periods) {
        requireSameCooperative(command.cooperativeId());
        periods.requireOpen(cooperativeId, date); // approving posts the cost on its own date
        switch (status) {
            case APPROVED, REVERSED -> throw new Conflict(Refusal.COST_ALREADY_APPROVED, "The cost is already approved");
            case REJECTED -> throw new Conflict(Refusal.COST_REJECTED_NOT_APPROVED, "A rejected cost cannot be approved");
            default -> { }
        }
        // The threshold the cost was shared under, so a later change of policy does not change what it needs.
        Money threshold = CostApprovers.threshold(secondApprovalAbove, command.secondApprovalAbove());
        CostApprovers approvers = new CostApprovers(amount, submittedBy, paidBy, firstApprover, command.treasurers(),
                command.admins(), threshold);
        MemberId approver = command.approvedBy();
        if (!approvers.next().contains(approver)) {
            throw refusal(approvers, approver, threshold);
        }
        if (approvers.isFirstOfTwo()) {
            apply(new CostApprovalGiven(cooperativeId, costId, approver, command.approvedOn()));
            return;
        }
        apply(new CostApproved(cooperativeId, costId, approver, command.approvedOn()));
    }

    @CommandHandler
    public void handle(RejectCost command) {
        requireSameCooperative(command.cooperativeId());
        requireReason(command.reason(), Refusal.COST_REJECT_REASON, "Rejecting a cost needs a reason");
        Texts.requirePlain(command.reason(), "reason");
        switch (status) {
            case APPROVED, REVERSED -> throw new Conflict(Refusal.COST_APPROVED_NOT_REJECTED, "An approved cost cannot be rejected; reverse it instead");
            case REJECTED -> throw new Conflict(Refusal.COST_ALREADY_REJECTED, "The cost is already rejected");
            default -> { }
        }
        apply(new CostRejected(cooperativeId, costId, command.rejectedBy(), command.rejectedOn(), command.reason().strip()));
    }

    @CommandHandler
    public void handle(ReverseCost command, OpenPeriods periods) {
        requireSameCooperative(command.cooperativeId());
        periods.requireOpen(cooperativeId, command.reversedOn());
        requireReason(command.reason(), Refusal.COST_REVERSE_REASON, "Reversing a cost needs a reason");
        Texts.requirePlain(command.reason(), "reason");
        switch (status) {
            case REVERSED -> throw new Conflict(Refusal.COST_ALREADY_REVERSED, "The cost is already reversed; a reversal reverses exactly once");
            case SUBMITTED, REJECTED -> throw new RuleViolation(Refusal.COST_ONLY_APPROVED_REVERSED, "Only an approved cost can be reversed");
            default -> { }
        }
        apply(new CostReversed(cooperativeId, costId, command.reversedBy(), command.reversedOn(), command.reason().strip()));
    }

    @EventSourcingHandler
    void on(CostShared event) {
        costId = event.costId();
        cooperativeId = event.cooperativeId();
        amount = event.amount();
        date = event.date();
        submittedBy = event.submittedBy();
        paidBy = event.paidBy();
        secondApprovalAbove = event.secondApprovalAbove();
        status = Status.SUBMITTED;
    }

    @EventSourcingHandler
    void on(CostApprovalGiven event) {
        firstApprover = event.approvedBy();
    }

    @EventSourcingHandler
    void on(CostApproved event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(CostRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(CostReversed event) {
        status = Status.REVERSED;
    }

    /** Why {@code approver} may not give the next approval, in the words of the rule that stops them. */
    private RuntimeException refusal(CostApprovers approvers, MemberId approver, Money secondApprovalAbove) {
        if (approvers.fourEyes() && approver.equals(submittedBy)) {
            return new RuleViolation(Refusal.COST_FOUR_EYES_SUBMITTED, "Four eyes: nobody approves a cost they submitted themselves");
        }
        if (approvers.fourEyes() && approver.equals(paidBy)) {
            return new RuleViolation(Refusal.COST_FOUR_EYES_PAID, "Four eyes: nobody approves a cost they paid themselves");
        }
        if (approver.equals(firstApprover)) {
            return new Conflict(Refusal.COST_SECOND_APPROVAL, "This cost is above " + secondApprovalAbove
                    + " and needs a second approval by another treasurer", secondApprovalAbove);
        }
        return new RuleViolation(Refusal.COST_TREASURER_APPROVES, "Only a treasurer approves this cost; an admin approves only while too few"
                + " treasurers may (they submitted or paid it)");
    }

    private void requireSameCooperative(CooperativeId other) {
        // A cost of another cooperative is as unknown as a made-up id.
        if (!Objects.equals(cooperativeId, other)) {
            throw new NotFound(Refusal.COST_NOT_FOUND, "No cost " + costId + " in this cooperative", costId);
        }
    }

    private static void requireReason(String reason, Refusal refusal, String rule) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(refusal, rule);
        }
    }
}
