-- Read model of the "audit" projection: who did what and when, per cooperative, one row per event.
-- The row keeps codes and values, not sentences, so the words follow the reader's language; it keeps
-- ids, never names: a person's name is looked up when the trail is read, so erasing it erases it here too.
CREATE TABLE audit_entries (
    global_index    BIGINT         NOT NULL PRIMARY KEY,
    cooperative_id  UUID           NOT NULL,
    occurred_at     TIMESTAMP      NOT NULL,
    kind            VARCHAR(60)    NOT NULL,
    user_id         VARCHAR(64),
    actor_id        UUID,
    member_id       UUID,
    correlation_id  VARCHAR(100),
    facts           VARCHAR(8000)  NOT NULL
);
CREATE INDEX audit_entries_in_time ON audit_entries (cooperative_id, occurred_at, global_index);

-- Every member an entry concerns: the one it names, and for a cost's events whoever paid or shares in it.
CREATE TABLE audit_entry_members (
    global_index  BIGINT  NOT NULL,
    member_id     UUID    NOT NULL,
    PRIMARY KEY (global_index, member_id)
);
CREATE INDEX audit_entry_members_by_member ON audit_entry_members (member_id, global_index);

-- What later events of a cost or a project name only by id, to put into words.
CREATE TABLE audit_costs (
    cost_id      UUID           NOT NULL PRIMARY KEY,
    description  VARCHAR(1000)  NOT NULL,
    amount       VARCHAR(40)    NOT NULL,
    paid_by      UUID
);
CREATE TABLE audit_cost_members (
    cost_id    UUID  NOT NULL,
    member_id  UUID  NOT NULL,
    PRIMARY KEY (cost_id, member_id)
);
CREATE TABLE audit_projects (
    project_id  UUID           NOT NULL PRIMARY KEY,
    name        VARCHAR(1000)  NOT NULL
);

-- Each member's number in their cooperative in the order they joined, for "former member N".
CREATE TABLE audit_member_numbers (
    member_id       UUID     NOT NULL PRIMARY KEY,
    cooperative_id  UUID     NOT NULL,
    number          INTEGER  NOT NULL
);
