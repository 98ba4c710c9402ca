package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.MemberId;

import java.math.BigDecimal;
import java.util.List;

/**
 * How to divide a cost: the method, the participants and, for every method but EQUAL, one weight
 * per participant in the same order (a whole number for SHARES, a percentage for PERCENT, an amount
 * for EXACT, hours for HOURS).
 */
public record Split(SplitMethod method, List<MemberId> participants, List<BigDecimal> weights) {

    public Split {
        participants = participants == null ? List.of() : List.copyOf(participants);
        weights = weights == null ? List.of() : List.copyOf(weights);
    }

    public static Split equal(List<MemberId> participants) {
        return new Split(SplitMethod.EQUAL, participants, List.of());
    }
}
