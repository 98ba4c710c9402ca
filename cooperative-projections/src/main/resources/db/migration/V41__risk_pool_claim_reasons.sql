-- The reason of a risk-pool claim: personal health data, so never in an event. Written by the app
-- in the same transaction as the FileClaim command; erasable; readable only by the claimant,
-- treasurers and admins.
CREATE TABLE risk_pool_claim_reasons (
    claim_id        UUID           NOT NULL PRIMARY KEY,
    cooperative_id  UUID           NOT NULL,
    member_id       UUID           NOT NULL,
    reason          VARCHAR(2000)  NOT NULL
);
