-- Accounts and personal data live outside the event store: they must be erasable, and a
-- password never belongs in an event. Written by the app's account and membership services.

CREATE TABLE accounts (
    account_id     UUID          NOT NULL PRIMARY KEY,
    email          VARCHAR(320)  NOT NULL UNIQUE,
    display_name   VARCHAR(200)  NOT NULL,
    password_hash  VARCHAR(100)  NOT NULL,
    administrator  BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP     NOT NULL
);

-- A member's name and email, per membership (a person may belong to several cooperatives).
CREATE TABLE member_profiles (
    member_id       UUID          NOT NULL PRIMARY KEY,
    cooperative_id  UUID          NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    email           VARCHAR(320)  NOT NULL
);
CREATE INDEX member_profiles_by_email ON member_profiles (email);

-- An invitation to activate a login; only a hash of the token is kept.
CREATE TABLE invitations (
    token_hash    CHAR(64)      NOT NULL PRIMARY KEY,
    email         VARCHAR(320)  NOT NULL,
    display_name  VARCHAR(200)  NOT NULL,
    expires_at    TIMESTAMP     NOT NULL,
    accepted_at   TIMESTAMP
);
