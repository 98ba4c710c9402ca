-- The application nodes that share this database, each with its last heartbeat (database time).
-- Nodes count the live ones to take a fair share of each projection's segments (SegmentBalancer).
CREATE TABLE cluster_node (
    node_id    VARCHAR(255) NOT NULL PRIMARY KEY,
    last_seen  TIMESTAMP    NOT NULL
);
