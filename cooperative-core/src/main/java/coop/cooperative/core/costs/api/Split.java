package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.MemberId;

import java.math.BigDecimal;
import java.util.Collection;
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

    /** An EQUAL split without participants leaves them open: everyone active on the cost's date. */
    public boolean leavesParticipantsOpen() {
        return method == SplitMethod.EQUAL && participants.isEmpty();
    }

    /**
     * This split for a cost among the members active on its date: an open one ({@link #leavesParticipantsOpen})
     * becomes EQUAL among all of them, in id order; any other stays as it is.
     */
    public Split amongActive(Collection<MemberId> activeOnDate) {
        return leavesParticipantsOpen() ? equal(activeOnDate.stream().sorted().toList()) : this;
    }
}
