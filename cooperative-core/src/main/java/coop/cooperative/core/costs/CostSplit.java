package coop.cooperative.core.costs;

import coop.cooperative.core.costs.api.Share;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.shared.Allocation;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Divides a cost over its participants by a {@link Split}: a pure function, every cent allocated,
 * the shares in member-id order, ties between equal remainders broken by the order given
 * ({@link LeftoverCents} for a shared cost). Refuses a split that does not make sense with the rule
 * in words.
 */
public final class CostSplit {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CostSplit() {
    }

    /**
     * @param shares    in member-id order; they add up to the amount
     * @param roundedUp the participants whose share got one of the leftover cents, in member-id order
     */
    public record Result(List<Share> shares, List<MemberId> roundedUp) {
    }

    /** The shares, ties broken by member id. */
    public static List<Share> shares(Money amount, Split split) {
        return split(amount, split, Comparator.naturalOrder()).shares();
    }

    public static Result split(Money amount, Split split, Comparator<MemberId> tieOrder) {
        if (split == null || split.method() == null) {
            throw new RuleViolation(Refusal.SPLIT_METHOD, "A shared cost needs a split method");
        }
        List<MemberId> participants = split.participants();
        if (participants.isEmpty()) {
            throw new RuleViolation(Refusal.SPLIT_PARTICIPANTS, "A shared cost needs at least one participant");
        }
        if (new HashSet<>(participants).size() != participants.size()) {
            throw new RuleViolation(Refusal.SPLIT_PARTICIPANT_TWICE, "Each participant may appear only once in a split");
        }
        if (split.method() == SplitMethod.EQUAL) {
            if (!split.weights().isEmpty()) {
                throw new RuleViolation(Refusal.SPLIT_EQUAL_WEIGHTS, "An EQUAL split takes no weights");
            }
            Map<MemberId, BigDecimal> equal = new LinkedHashMap<>();
            participants.forEach(p -> equal.put(p, BigDecimal.ONE));
            return result(Allocation.allocate(amount, equal, tieOrder));
        }
        if (split.weights().size() != participants.size()) {
            throw new RuleViolation(Refusal.SPLIT_WEIGHT_PER_PARTICIPANT, "A " + split.method() + " split needs one weight per participant",
                    split.method());
        }
        Map<MemberId, BigDecimal> weights = new LinkedHashMap<>();
        for (int i = 0; i < participants.size(); i++) {
            BigDecimal weight = split.weights().get(i);
            if (weight == null || weight.signum() < 0) {
                throw new RuleViolation(Refusal.SPLIT_NEGATIVE_WEIGHT, "Split weights cannot be negative");
            }
            weights.put(participants.get(i), weight);
        }
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        switch (split.method()) {
            case SHARES -> {
                if (weights.values().stream().anyMatch(w -> w.stripTrailingZeros().scale() > 0)) {
                    throw new RuleViolation(Refusal.SPLIT_WHOLE_SHARES, "SHARES weights must be whole numbers");
                }
                requirePositive(total, Refusal.SPLIT_SHARES_POSITIVE, "SHARES weights must add up to more than zero");
            }
            case PERCENT -> {
                if (total.compareTo(HUNDRED) != 0) {
                    String sum = total.stripTrailingZeros().toPlainString();
                    throw new RuleViolation(Refusal.SPLIT_PERCENT_TOTAL, "PERCENT weights must add up to exactly 100, not " + sum, sum);
                }
            }
            case HOURS -> requirePositive(total, Refusal.SPLIT_HOURS_POSITIVE, "HOURS weights must add up to more than zero hours");
            case EXACT -> {
                return exact(amount, weights);
            }
            default -> throw new IllegalStateException("unreachable");
        }
        return result(Allocation.allocate(amount, weights, tieOrder));
    }

    private static Result exact(Money amount, Map<MemberId, BigDecimal> weights) {
        List<Share> shares = new ArrayList<>();
        Money sum = Money.zero(amount.currency());
        for (Map.Entry<MemberId, BigDecimal> entry : weights.entrySet()) {
            BigDecimal value = entry.getValue();
            if (value.stripTrailingZeros().scale() > amount.currency().getDefaultFractionDigits()) {
                throw new RuleViolation(Refusal.SPLIT_EXACT_SCALE, "EXACT amounts must be at the currency's scale (" + amount.currency() + ")",
                        amount.currency());
            }
            Money share = new Money(value, amount.currency());
            shares.add(new Share(entry.getKey(), share));
            sum = sum.plus(share);
        }
        if (!sum.equals(amount)) {
            throw new RuleViolation(Refusal.SPLIT_EXACT_TOTAL, "EXACT amounts must add up to the cost, " + amount + ", not " + sum, amount, sum);
        }
        shares.sort(Comparator.comparing(Share::memberId));
        return new Result(List.copyOf(shares), List.of());
    }

    private static void requirePositive(BigDecimal total, Refusal refusal, String rule) {
        if (total.signum() <= 0) {
            throw new RuleViolation(refusal, rule);
        }
    }

    private static Result result(Allocation.Result<MemberId> allocation) {
        List<Share> shares = allocation.shares().entrySet().stream()
                .map(e -> new Share(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Share::memberId))
                .toList();
        return new Result(shares, allocation.roundedUp().stream().sorted().toList());
    }
}
