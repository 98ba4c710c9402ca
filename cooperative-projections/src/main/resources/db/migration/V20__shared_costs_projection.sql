-- Read model of the "shared-costs" projection: every shared cost with its shares and decisions.
CREATE TABLE shared_costs (
    cost_id            UUID          NOT NULL PRIMARY KEY,
    cooperative_id     UUID          NOT NULL,
    description        VARCHAR(200)  NOT NULL,
    amount             NUMERIC(18,4) NOT NULL,
    currency           CHAR(3)       NOT NULL,
    cost_date          DATE          NOT NULL,
    category           VARCHAR(40)   NOT NULL,
    paid_by            UUID,
    split_method       VARCHAR(10)   NOT NULL,
    submitted_by       UUID          NOT NULL,
    submitted_on       DATE          NOT NULL,
    recurring_cost_id  UUID,
    status             VARCHAR(10)   NOT NULL,
    first_approved_by  UUID,
    first_approved_on  DATE,
    approved_by        UUID,
    approved_on        DATE,
    rejected_by        UUID,
    rejected_on        DATE,
    rejection_reason   VARCHAR(500),
    reversed_by        UUID,
    reversed_on        DATE,
    reversal_reason    VARCHAR(500)
);

CREATE INDEX shared_costs_by_cooperative ON shared_costs (cooperative_id, status, cost_date);

CREATE TABLE shared_cost_shares (
    cost_id    UUID          NOT NULL,
    member_id  UUID          NOT NULL,
    amount     NUMERIC(18,4) NOT NULL,
    PRIMARY KEY (cost_id, member_id)
);
