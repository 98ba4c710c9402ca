package coop.cooperative.app.riskpool;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The reasons of claims: personal health data, kept beside the event store rather than in it so
 * it can be erased, and written in the same transaction as the command that files the claim.
 */
@Repository
class ClaimReasons {

    private final JdbcClient jdbc;

    ClaimReasons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code lateFilingReason}: why an admin accepted a claim filed late; null for one filed in time. */
    void add(ClaimId claimId, CooperativeId cooperativeId, MemberId memberId, String reason, String lateFilingReason) {
        jdbc.sql("""
                        INSERT INTO risk_pool_claim_reasons (claim_id, cooperative_id, member_id, reason, late_filing_reason)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(claimId.value(), cooperativeId.value(), memberId.value(), reason.strip(),
                        lateFilingReason == null ? null : lateFilingReason.strip())
                .update();
    }

    Optional<String> lateFilingReasonOf(ClaimId claimId) {
        return jdbc.sql("SELECT late_filing_reason FROM risk_pool_claim_reasons WHERE claim_id = ?")
                .param(claimId.value()).query(String.class).optional();
    }

    Optional<String> of(ClaimId claimId) {
        return jdbc.sql("SELECT reason FROM risk_pool_claim_reasons WHERE claim_id = ?")
                .param(claimId.value()).query(String.class).optional();
    }
}
