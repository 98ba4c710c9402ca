-- Read model of the "hours" projection: every current hours entry; totals are sums over it.
CREATE TABLE hours_entries (
    entry_id        UUID          NOT NULL PRIMARY KEY,
    cooperative_id  UUID          NOT NULL,
    member_id       UUID          NOT NULL,
    entry_date      DATE          NOT NULL,
    period_month    CHAR(7)       NOT NULL,
    iso_week        CHAR(8)       NOT NULL,
    hours_kind      VARCHAR(20)   NOT NULL,
    project_id      UUID,
    logged_hours    NUMERIC(9,2)  NOT NULL,
    subject         VARCHAR(100),
    description     VARCHAR(2000) NOT NULL
);
CREATE INDEX hours_entries_by_member ON hours_entries (member_id, entry_date);
CREATE INDEX hours_entries_by_cooperative ON hours_entries (cooperative_id, period_month);
CREATE INDEX hours_entries_by_project ON hours_entries (project_id);
