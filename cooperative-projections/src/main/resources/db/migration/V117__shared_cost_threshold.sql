-- The threshold a cost was shared under: above it, it needs two approvals, whatever the policy says
-- by the time it is approved. Costs shared before it was recorded have none (the policy decides).
ALTER TABLE shared_costs ADD COLUMN second_approval_above NUMERIC(18,4);
