package coop.cooperative.core.costs;

import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.shared.MemberId;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

/**
 * Who gets the cents a split leaves over when remainders tie (three members sharing 100.00: one
 * pays 33.34). First the members who have carried the fewest leftover cents so far, so over many
 * costs nobody pays more than a cent or so more than another; then an order drawn from the cost's
 * id and the member's, which differs per cost, where the history is unknown or equal. The same
 * cost with the same history always divides the same way.
 */
public final class LeftoverCents {

    private LeftoverCents() {
    }

    /**
     * @param carriedSoFar per member, the leftover cents they already carry (missing: none)
     */
    public static Comparator<MemberId> tieOrder(CostId costId, Map<MemberId, Long> carriedSoFar) {
        Comparator<MemberId> fewestFirst = Comparator.comparingLong(m -> carriedSoFar.getOrDefault(m, 0L));
        return fewestFirst.thenComparing(m -> draw(costId, m)).thenComparing(Comparator.naturalOrder());
    }

    /** A stable pseudo-random rank of a member for one cost: a name-based UUID of both ids. */
    private static UUID draw(CostId costId, MemberId memberId) {
        return UUID.nameUUIDFromBytes((costId.value() + "/" + memberId.value()).getBytes(StandardCharsets.UTF_8));
    }
}
