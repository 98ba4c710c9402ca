-- The risk pool's read model tells the order things happened (each entry's place in the pool's
-- event stream: a deposit and a cap return on the same day are listed as they happened, not by
-- kind), why a month was withheld (the members enrolled against the minimum), when a claim was
-- filed and who approved it or accepted its late filing. Filled by rebuilding the view, which this
-- migration asks for (ClusterReplays carries it out when the application starts). A new
-- installation, with no events yet, has nothing to rebuild.
ALTER TABLE risk_pool_entries ADD COLUMN seq_no BIGINT;
ALTER TABLE risk_pool_claims ADD COLUMN filed_on DATE;
ALTER TABLE risk_pool_claims ADD COLUMN approved_by UUID;
ALTER TABLE risk_pool_claims ADD COLUMN late_filing_accepted_by UUID;
ALTER TABLE risk_pool_payouts ADD COLUMN enrolled_members INT;
ALTER TABLE risk_pool_payouts ADD COLUMN minimum_members INT;
INSERT INTO projection_replay (processing_group, requested_at, replay_until, reset_done)
SELECT 'risk-pool', CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT), MAX(global_index), FALSE FROM domain_event_entry
HAVING COUNT(*) > 0;

-- Why an admin accepted a claim filed more than 30 days after it started (beside the claim's
-- reason: it may say as much about the member's health).
ALTER TABLE risk_pool_claim_reasons ADD COLUMN late_filing_reason VARCHAR(2000);
