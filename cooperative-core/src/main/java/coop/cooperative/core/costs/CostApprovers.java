package coop.cooperative.core.costs;

import coop.cooperative.core.shared.FourEyes;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who may approve a submitted cost, and how many approvals it needs: one, or two by different
 * people above the policy threshold. Four eyes: nobody approves a cost they submitted or paid,
 * unless the cooperative has a single treasurer (then no second pair of eyes exists, and one
 * approval suffices). When fewer treasurers are eligible than approvals are needed, an admin who
 * neither submitted nor paid the cost counts as an approver too, so a cost never waits for
 * someone who cannot exist; when even then nobody is left for the next approval, {@link #waiting}
 * says why. The aggregate decides with it, and the queue explains with it.
 */
public final class CostApprovers {

    /** Why a cost cannot get its next approval from anyone in the cooperative as it is now. */
    public enum Waiting {
        /** Nobody may give the first approval: every treasurer and admin submitted or paid it. */
        NO_ELIGIBLE_APPROVER,
        /** Approved once; nobody else may give the second approval. */
        NO_SECOND_APPROVER
    }

    private final boolean fourEyes;
    private final int approvalsNeeded;
    private final Set<MemberId> approvers;
    private final MemberId firstApprover;

    /**
     * @param firstApprover who gave the first of two approvals, or null
     * @param treasurers    the cooperative's treasurers now
     * @param admins        the cooperative's admins now
     */
    public CostApprovers(Money amount, MemberId submittedBy, MemberId paidBy, MemberId firstApprover,
                         Set<MemberId> treasurers, Set<MemberId> admins, Money secondApprovalAbove) {
        this.fourEyes = FourEyes.apply(treasurers);
        this.approvalsNeeded = fourEyes && amount.compareTo(secondApprovalAbove) > 0 ? 2 : 1;
        this.firstApprover = firstApprover;
        Set<MemberId> eligible = new TreeSet<>();
        treasurers.stream().filter(t -> !fourEyes || independent(t, submittedBy, paidBy)).forEach(eligible::add);
        if (eligible.size() < approvalsNeeded) {
            admins.stream().filter(a -> independent(a, submittedBy, paidBy)).forEach(eligible::add);
        }
        this.approvers = Set.copyOf(eligible);
    }

    /**
     * The threshold a cost is approved under: the one recorded when it was shared, or, for a cost
     * shared before costs recorded it, the policy of the day.
     */
    public static Money threshold(Money recordedWhenShared, Money policyToday) {
        return recordedWhenShared != null ? recordedWhenShared : policyToday;
    }

    private static boolean independent(MemberId who, MemberId submittedBy, MemberId paidBy) {
        return !who.equals(submittedBy) && !who.equals(paidBy);
    }

    /** Whether nobody may approve a cost they submitted or paid (more than one treasurer). */
    public boolean fourEyes() {
        return fourEyes;
    }

    /** One, or two above the threshold while four eyes apply. */
    public int approvalsNeeded() {
        return approvalsNeeded;
    }

    /** Who may give the next approval, in member-id order. */
    public Set<MemberId> next() {
        Set<MemberId> next = new TreeSet<>(approvers);
        if (firstApprover != null) {
            next.remove(firstApprover);
        }
        return next;
    }

    /** Whether this approval, if allowed, is the first of two (the cost then waits for another). */
    public boolean isFirstOfTwo() {
        return approvalsNeeded == 2 && firstApprover == null;
    }

    /** Why nobody can give the next approval, or null when someone can. */
    public Waiting waiting() {
        if (!next().isEmpty()) {
            return null;
        }
        return firstApprover == null ? Waiting.NO_ELIGIBLE_APPROVER : Waiting.NO_SECOND_APPROVER;
    }
}
