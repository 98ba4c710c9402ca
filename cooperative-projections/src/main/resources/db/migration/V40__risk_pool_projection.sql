-- Read model of the "risk-pool" projection: each cooperative's pool, its members' accounts
-- (as entries: the balance is their sum), claims and monthly payouts.
CREATE TABLE risk_pools (
    cooperative_id  UUID        NOT NULL PRIMARY KEY,
    currency        CHAR(3)     NOT NULL,
    opened_on       DATE        NOT NULL
);

CREATE TABLE risk_pool_members (
    cooperative_id   UUID           NOT NULL,
    member_id        UUID           NOT NULL,
    tier             NUMERIC(18,4)  NOT NULL,
    monthly_deposit  NUMERIC(18,4)  NOT NULL,
    enrolled_on      DATE           NOT NULL,
    tier_changed_on  DATE,
    left_on          DATE,
    PRIMARY KEY (cooperative_id, member_id)
);

-- One row per event and member account it moves; amount is signed (into the account).
CREATE TABLE risk_pool_entries (
    event_id        VARCHAR(64)    NOT NULL,
    member_id       UUID           NOT NULL,
    cooperative_id  UUID           NOT NULL,
    entry_date      DATE           NOT NULL,
    kind            VARCHAR(20)    NOT NULL,
    amount          NUMERIC(18,4)  NOT NULL,
    period          CHAR(7),
    claim_id        UUID,
    PRIMARY KEY (event_id, member_id)
);
CREATE INDEX risk_pool_entries_account ON risk_pool_entries (cooperative_id, member_id);

CREATE TABLE risk_pool_claims (
    claim_id            UUID         NOT NULL PRIMARY KEY,
    cooperative_id      UUID         NOT NULL,
    member_id           UUID         NOT NULL,
    start_date          DATE         NOT NULL,
    payable_from        DATE         NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    approved_on         DATE,
    rejected_on         DATE,
    end_date            DATE,
    continues_claim_id  UUID,
    months_carried      INT          NOT NULL
);
CREATE INDEX risk_pool_claims_cooperative ON risk_pool_claims (cooperative_id);

CREATE TABLE risk_pool_payouts (
    claim_id        UUID           NOT NULL,
    period          CHAR(7)        NOT NULL,
    cooperative_id  UUID           NOT NULL,
    member_id       UUID           NOT NULL,
    due             NUMERIC(18,4)  NOT NULL,
    paid            NUMERIC(18,4)  NOT NULL,
    shortfall       NUMERIC(18,4)  NOT NULL,
    withheld        BOOLEAN        NOT NULL,
    PRIMARY KEY (claim_id, period)
);
