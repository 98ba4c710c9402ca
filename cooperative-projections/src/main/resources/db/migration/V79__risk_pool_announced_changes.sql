-- Tier changes and leaving announced for a later day (the fund's next fixed date), made on that day
-- by the app's daily run. A new column is empty for every member until such an announcement.
ALTER TABLE risk_pool_members ADD COLUMN next_tier NUMERIC(18,4);
ALTER TABLE risk_pool_members ADD COLUMN next_tier_on DATE;
ALTER TABLE risk_pool_members ADD COLUMN leaves_on DATE;
