-- A view is now rebuilt beside the live one (shadow tables) by one node, and swapped in when it has
-- caught up (ShadowRebuilds). A row of projection_replay is a rebuild asked for; reset_done is no
-- longer used (the live view is never emptied). The node that took the rebuild up beats a heart in
-- it; another node takes it up again when that stops.
ALTER TABLE projection_replay ADD COLUMN phase VARCHAR(20) DEFAULT 'QUEUED' NOT NULL; -- QUEUED, LOADING, HANDOVER, SWAPPING
ALTER TABLE projection_replay ADD COLUMN owner VARCHAR(255);
ALTER TABLE projection_replay ADD COLUMN heartbeat_at BIGINT;  -- epoch milliseconds
ALTER TABLE projection_replay ADD COLUMN replay_position BIGINT; -- the last event the rebuild has written
ALTER TABLE projection_replay ADD COLUMN attempts INT DEFAULT 0 NOT NULL;

-- How each view's last rebuild ended, for the administrator's projection list.
CREATE TABLE projection_rebuild_outcome (
    processing_group  VARCHAR(255)  NOT NULL PRIMARY KEY,
    finished_at       BIGINT        NOT NULL, -- epoch milliseconds
    outcome           VARCHAR(20)   NOT NULL, -- DONE, GIVEN_UP
    reason            VARCHAR(2000),
    events            BIGINT        NOT NULL, -- events the rebuild read
    took_millis       BIGINT        NOT NULL,
    pause_millis      BIGINT,                 -- how long the live view stopped following events, at the handover
    node              VARCHAR(255)
);
