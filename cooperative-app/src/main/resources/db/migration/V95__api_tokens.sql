-- Personal API tokens (docs/architecture.md, "Security"): a script signs in with a token of its own
-- instead of its owner's password. Only a SHA-256 of the token is kept; it carries its owner's
-- roles, whatever they are at the time of each request.
CREATE TABLE api_tokens (
    token_id      UUID          NOT NULL PRIMARY KEY,
    account_id    UUID          NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    token_hash    CHAR(64)      NOT NULL UNIQUE,
    created_at    TIMESTAMP     NOT NULL,
    expires_on    DATE,
    last_used_at  TIMESTAMP
);
CREATE INDEX api_tokens_by_account ON api_tokens (account_id);
