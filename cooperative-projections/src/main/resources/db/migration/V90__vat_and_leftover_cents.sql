-- VAT in the views, and who carries the leftover cents of the costs shared so far.
-- The policy vatRegistered: every cooperative founded before it was not registered.
ALTER TABLE cooperatives ADD COLUMN vat_registered BOOLEAN DEFAULT FALSE NOT NULL;

-- A cost's VAT (included in its amount) and whether it is input VAT (the members share the rest).
ALTER TABLE shared_costs ADD COLUMN vat NUMERIC(18,4) DEFAULT 0 NOT NULL;
ALTER TABLE shared_costs ADD COLUMN input_vat BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ledger_costs ADD COLUMN vat NUMERIC(18,4) DEFAULT 0 NOT NULL;
ALTER TABLE ledger_costs ADD COLUMN input_vat BOOLEAN DEFAULT FALSE NOT NULL;
-- On a cost's expense line: the VAT of the cost, in the line's sign (a reversal's is negative).
ALTER TABLE ledger_postings ADD COLUMN vat NUMERIC(18,4);

-- One row per member whose share of a submitted or approved cost got a leftover cent: the next
-- cost's leftover cents go first to whoever carries the fewest.
CREATE TABLE shared_cost_leftover_cents (
    cost_id         UUID NOT NULL,
    cooperative_id  UUID NOT NULL,
    member_id       UUID NOT NULL,
    PRIMARY KEY (cost_id, member_id)
);
CREATE INDEX shared_cost_leftover_cents_by_member ON shared_cost_leftover_cents (cooperative_id, member_id);

-- The VAT of the costs already stored reaches the views by rebuilding them (carried out as the
-- application starts; their answers are 503 until then). A new installation has nothing to rebuild,
-- and a rebuild already asked for (by V75/V76 in the same upgrade) does it too.
INSERT INTO projection_replay (processing_group, requested_at, replay_until, reset_done)
SELECT 'shared-costs', CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT), MAX(global_index), FALSE
FROM domain_event_entry
HAVING COUNT(*) > 0 AND NOT EXISTS (SELECT 1 FROM projection_replay WHERE processing_group = 'shared-costs');
INSERT INTO projection_replay (processing_group, requested_at, replay_until, reset_done)
SELECT 'ledger', CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT), MAX(global_index), FALSE
FROM domain_event_entry
HAVING COUNT(*) > 0 AND NOT EXISTS (SELECT 1 FROM projection_replay WHERE processing_group = 'ledger');
