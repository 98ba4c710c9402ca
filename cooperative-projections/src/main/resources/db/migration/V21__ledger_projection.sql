-- Read model of the "ledger" projection: the double-entry postings every balance, journal and export reads.
-- Submitted costs wait in ledger_costs until they are approved (or reversed) and posted.
CREATE TABLE ledger_costs (
    cost_id         UUID          NOT NULL PRIMARY KEY,
    cooperative_id  UUID          NOT NULL,
    description     VARCHAR(200)  NOT NULL,
    amount          NUMERIC(18,4) NOT NULL,
    currency        CHAR(3)       NOT NULL,
    cost_date       DATE          NOT NULL,
    category        VARCHAR(40)   NOT NULL,
    paid_by         UUID
);

CREATE TABLE ledger_cost_shares (
    cost_id    UUID          NOT NULL,
    member_id  UUID          NOT NULL,
    amount     NUMERIC(18,4) NOT NULL,
    PRIMARY KEY (cost_id, member_id)
);

-- Amounts in the books' sign: debit positive, credit negative; every event's lines sum to zero.
CREATE TABLE ledger_postings (
    event_id        VARCHAR(100)  NOT NULL,
    line            INTEGER       NOT NULL,
    cooperative_id  UUID          NOT NULL,
    posted_on       DATE          NOT NULL,
    recorded_at     BIGINT        NOT NULL,
    description     VARCHAR(800)  NOT NULL,
    category        VARCHAR(40),
    source_id       UUID          NOT NULL,
    account         VARCHAR(100)  NOT NULL,
    member_id       UUID,
    amount          NUMERIC(18,4) NOT NULL,
    currency        CHAR(3)       NOT NULL,
    PRIMARY KEY (event_id, line)
);

CREATE INDEX ledger_postings_by_cooperative ON ledger_postings (cooperative_id, posted_on);
CREATE INDEX ledger_postings_by_member ON ledger_postings (member_id, posted_on);
