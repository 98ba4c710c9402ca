-- The shared-costs view keeps a cost's shares in the cost's row (CostShares) instead of a row per
-- share, as the ledger does since V75. The column is filled by rebuilding the view, which this
-- migration asks for (carried out as the application starts; the costs answer 503 until then). A
-- new installation, with no events yet, has nothing to rebuild.
DELETE FROM shared_costs;
DROP TABLE shared_cost_shares;
ALTER TABLE shared_costs ADD COLUMN shares VARCHAR NOT NULL;
INSERT INTO projection_replay (processing_group, requested_at, replay_until, reset_done)
SELECT 'shared-costs', CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT), MAX(global_index), FALSE
FROM domain_event_entry
HAVING COUNT(*) > 0;
