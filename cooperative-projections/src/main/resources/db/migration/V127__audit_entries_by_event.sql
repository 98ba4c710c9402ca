-- An audit entry was keyed by the position of the audit processor's token. For an event committed
-- after a later one had already been read (two writers at once leave such a gap), that position is
-- the later event's, so the gap's entry replaced the later one's and the trail lost it. An entry is
-- now keyed by its event's identifier, which also orders entries of the same moment (the same on
-- every installation the cooperative is imported into, unlike a position in the store).
-- The trail is rebuilt, which this migration asks for (carried out as the application starts; the
-- trail answers 503 until then). A new installation, with no events yet, has nothing to rebuild.
DROP TABLE audit_entry_members;
DROP TABLE audit_entries;
CREATE TABLE audit_entries (
    event_id        VARCHAR(64)    NOT NULL PRIMARY KEY,
    cooperative_id  UUID           NOT NULL,
    occurred_at     TIMESTAMP      NOT NULL,
    kind            VARCHAR(60)    NOT NULL,
    user_id         VARCHAR(64),
    actor_id        UUID,
    member_id       UUID,
    correlation_id  VARCHAR(100),
    facts           VARCHAR(8000)  NOT NULL
);
CREATE INDEX audit_entries_in_time ON audit_entries (cooperative_id, occurred_at, event_id);
CREATE TABLE audit_entry_members (
    event_id   VARCHAR(64)  NOT NULL,
    member_id  UUID         NOT NULL,
    PRIMARY KEY (event_id, member_id)
);
CREATE INDEX audit_entry_members_by_member ON audit_entry_members (member_id, event_id);
INSERT INTO projection_replay (processing_group, requested_at, replay_until, reset_done)
SELECT 'audit', CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT), MAX(global_index), FALSE
FROM domain_event_entry
HAVING COUNT(*) > 0;
