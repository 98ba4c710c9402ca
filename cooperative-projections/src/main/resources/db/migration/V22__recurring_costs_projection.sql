-- Read model of the "recurring-costs" projection: what recurs, and which occurrences were claimed and created.
CREATE TABLE recurring_costs (
    recurring_cost_id  UUID           NOT NULL PRIMARY KEY,
    cooperative_id     UUID           NOT NULL,
    description        VARCHAR(200)   NOT NULL,
    amount             NUMERIC(18,4)  NOT NULL,
    currency           CHAR(3)        NOT NULL,
    category           VARCHAR(40)    NOT NULL,
    paid_by            UUID,
    split_method       VARCHAR(10)    NOT NULL,
    participants       VARCHAR(4000)  NOT NULL,
    weights            VARCHAR(4000)  NOT NULL,
    frequency          VARCHAR(10)    NOT NULL,
    first_date         DATE           NOT NULL,
    end_date           DATE           NOT NULL,
    set_up_by          UUID           NOT NULL,
    set_up_on          DATE           NOT NULL
);

CREATE INDEX recurring_costs_by_cooperative ON recurring_costs (cooperative_id);

-- Two tables, because the claim and the cost arrive from different aggregates, possibly in
-- parallel segments: each handler writes only its own row.
CREATE TABLE recurring_cost_occurrences (
    recurring_cost_id  UUID  NOT NULL,
    occurrence_date    DATE  NOT NULL,
    cost_id            UUID  NOT NULL,
    PRIMARY KEY (recurring_cost_id, occurrence_date)
);

CREATE TABLE recurring_cost_created (
    recurring_cost_id  UUID  NOT NULL,
    occurrence_date    DATE  NOT NULL,
    cost_id            UUID  NOT NULL,
    PRIMARY KEY (recurring_cost_id, occurrence_date)
);
