-- Read model of the "members" projection; filled only by MembersProjection, rebuilt by replay.
CREATE TABLE cooperatives (
    cooperative_id              UUID          NOT NULL PRIMARY KEY,
    name                        VARCHAR(200)  NOT NULL,
    currency                    CHAR(3)       NOT NULL,
    founded_on                  DATE          NOT NULL,
    second_approval_above       NUMERIC(18,4) NOT NULL,
    risk_pool_minimum_members   INTEGER       NOT NULL,
    risk_pool_maximum_members   INTEGER       NOT NULL,
    development_budget_percent  INTEGER       NOT NULL,
    maximum_hours_per_week      INTEGER       NOT NULL
);

CREATE TABLE members (
    member_id       UUID           NOT NULL PRIMARY KEY,
    cooperative_id  UUID           NOT NULL,
    skills          VARCHAR(2000)  NOT NULL,
    roles           VARCHAR(200)   NOT NULL,
    hourly_rate     NUMERIC(18,4)  NOT NULL,
    joined_on       DATE           NOT NULL,
    left_on         DATE
);

CREATE INDEX members_by_cooperative ON members (cooperative_id);
