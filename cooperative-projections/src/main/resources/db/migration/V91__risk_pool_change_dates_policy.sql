-- The policy riskPoolChangeDates: every cooperative founded before it takes the default, changes in
-- the risk pool on the first day of a quarter.
ALTER TABLE cooperatives ADD COLUMN risk_pool_change_dates VARCHAR(20) DEFAULT 'QUARTER_START' NOT NULL;
