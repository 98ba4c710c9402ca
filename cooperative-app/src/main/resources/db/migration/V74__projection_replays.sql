-- A replay asked for on any node, until the rebuilt view has caught up. Every node stops its part
-- of the projection; once no node holds a segment, one node resets it (reset_done) and all run it
-- again, sharing the rebuild (ClusterReplays).
CREATE TABLE projection_replay (
    processing_group  VARCHAR(255) NOT NULL PRIMARY KEY,
    requested_at      BIGINT       NOT NULL, -- epoch milliseconds
    replay_until      BIGINT       NOT NULL, -- the last event stored when the replay was asked for
    reset_done        BOOLEAN      NOT NULL
);
