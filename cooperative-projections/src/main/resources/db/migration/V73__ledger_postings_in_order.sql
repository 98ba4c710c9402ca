-- The books' order within a cooperative, as one index that also holds each line's member and amount:
-- a journal page is read in index order and stops after its lines (no sort of the whole history), and
-- balances and line counts are summed from the index alone. It replaces the index on (cooperative_id,
-- posted_on), which is its prefix.
DROP INDEX ledger_postings_by_cooperative;
CREATE INDEX ledger_postings_in_order
    ON ledger_postings (cooperative_id, posted_on, recorded_at, event_id, line, member_id, amount);
