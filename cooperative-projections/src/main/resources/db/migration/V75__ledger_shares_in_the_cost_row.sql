-- The ledger keeps a pending cost's shares in the cost's row (CostShares) instead of a row per
-- share: a rebuild then writes one row per shared cost instead of one per member. The column is
-- filled by rebuilding the ledger, which this migration asks for (ClusterReplays carries it out
-- when the application starts; the books answer 503 until it is done). A new installation, with
-- no events yet, has nothing to rebuild.
DELETE FROM ledger_postings;
DELETE FROM ledger_costs;
DROP TABLE ledger_cost_shares;
ALTER TABLE ledger_costs ADD COLUMN shares VARCHAR NOT NULL;
INSERT INTO projection_replay (processing_group, requested_at, replay_until, reset_done)
SELECT 'ledger', CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT), MAX(global_index), FALSE FROM domain_event_entry
HAVING COUNT(*) > 0;
