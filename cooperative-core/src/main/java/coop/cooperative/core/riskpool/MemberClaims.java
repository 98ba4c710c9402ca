package coop.cooperative.core.riskpool;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * One member's claims among the pool's, for the rules that span them: one open claim at a time,
 * a new claim after the previous one ended, no month paid twice under two claims. A view on the
 * pool's claims, built when a command needs it; it holds no state of its own.
 */
final class MemberClaims {

    private final MemberId member;
    private final Map<ClaimId, PoolClaim> claims;

    private MemberClaims(MemberId member, Map<ClaimId, PoolClaim> claims) {
        this.member = member;
        this.claims = claims;
    }

    static MemberClaims of(MemberId member, Map<ClaimId, PoolClaim> claims) {
        return new MemberClaims(member, claims);
    }

    /** The member's claim that is neither rejected nor closed, if any (there is at most one). */
    Optional<ClaimId> open() {
        return claims.entrySet().stream()
                .filter(c -> c.getValue().memberId().equals(member) && c.getValue().isOpen())
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * A new claim is the enrolled member's only open one, with a new id, and starts neither before
     * they enrolled nor before their previous claim ended.
     *
     * @param account the member's account, {@code null} if they are not enrolled
     * @return the member's approved claim that ended last, which the new one may continue
     */
    Optional<Map.Entry<ClaimId, PoolClaim>> requireNewClaim(ClaimId claimId, LocalDate newStart, PoolAccount account) {
        if (account == null) {
            throw new RuleViolation(Refusal.POOL_NOT_ENROLLED, "Only a member enrolled in the risk pool can file a claim");
        }
        if (claims.containsKey(claimId)) {
            throw new Conflict(Refusal.POOL_CLAIM_EXISTS, "Claim " + claimId + " already exists", claimId);
        }
        if (open().isPresent()) {
            throw new Conflict(Refusal.POOL_OPEN_CLAIM, "The member already has an open claim; close it before filing another");
        }
        if (newStart.isBefore(account.enrolledOn())) {
            throw new RuleViolation(Refusal.POOL_CLAIM_BEFORE_ENROLMENT, "A claim cannot start before the member enrolled ("
                    + account.enrolledOn() + ")", account.enrolledOn());
        }
        return previousEndedBefore(newStart);
    }

    private Optional<Map.Entry<ClaimId, PoolClaim>> previousEndedBefore(LocalDate newStart) {
        Optional<Map.Entry<ClaimId, PoolClaim>> previous = claims.entrySet().stream()
                .filter(c -> c.getValue().memberId().equals(member) && c.getValue().approved()
                        && c.getValue().endDate() != null)
                .max(Comparator.comparing(c -> c.getValue().endDate()));
        if (previous.isPresent() && !newStart.isAfter(previous.get().getValue().endDate())) {
            throw new RuleViolation(Refusal.POOL_CLAIM_BEFORE_PREVIOUS, "A claim cannot start before the member's previous claim ended ("
                    + previous.get().getValue().endDate() + ")", previous.get().getValue().endDate());
        }
        return previous;
    }

    /** No member is paid twice for a month, whichever of their claims it is paid under. */
    void requireNotPaidUnderAnother(ClaimId claimId, YearMonth month) {
        boolean paidByAnother = claims.entrySet().stream()
                .anyMatch(c -> !c.getKey().equals(claimId) && c.getValue().memberId().equals(member)
                        && c.getValue().monthsPaid().contains(month));
        if (paidByAnother) {
            throw new Conflict(Refusal.POOL_PAID_EARLIER_CLAIM, "The member was already paid for " + month + " under an earlier claim",
                    month);
        }
    }
}
