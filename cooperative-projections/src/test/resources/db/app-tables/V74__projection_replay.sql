-- As the app's V74: where a migration asks for a view's rebuild.
CREATE TABLE projection_replay (
    processing_group  VARCHAR(255) NOT NULL PRIMARY KEY,
    requested_at      BIGINT       NOT NULL,
    replay_until      BIGINT       NOT NULL,
    reset_done        BOOLEAN      NOT NULL
);
