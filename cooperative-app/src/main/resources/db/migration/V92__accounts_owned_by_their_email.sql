-- Who controls an email controls its account (docs/operations.md, "Accounts, invitations and password resets").
--
-- An account either owns its email (proven by a mailed link, or made by the installation: its
-- administrator, the demo) or is bound to the one cooperative whose admin was shown the link that
-- made it, when the installation sends no mail. Bound accounts may share an email with others, so the
-- email alone is no longer unique: owned_email is (the email of an owning account, NULL otherwise).
-- The table is rebuilt because the old UNIQUE constraint has a generated name on H2.
CREATE TABLE accounts_by_owner (
    account_id     UUID          NOT NULL PRIMARY KEY,
    email          VARCHAR(320)  NOT NULL,
    owned_email    VARCHAR(320)  UNIQUE,
    bound_to       UUID,
    display_name   VARCHAR(200)  NOT NULL,
    password_hash  VARCHAR(100)  NOT NULL,
    administrator  BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP     NOT NULL
);
INSERT INTO accounts_by_owner (account_id, email, owned_email, bound_to, display_name, password_hash, administrator, created_at)
SELECT account_id, email, email, NULL, display_name, password_hash, administrator, created_at FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_by_owner RENAME TO accounts;
CREATE INDEX accounts_by_email ON accounts (email);

-- A membership or a client's access belongs to the account that accepted its invitation, not to
-- whoever holds an account with the same email. Existing ones go to the account of their email.
ALTER TABLE member_profiles ADD COLUMN account_id UUID;
UPDATE member_profiles SET account_id = (SELECT a.account_id FROM accounts a WHERE a.email = member_profiles.email);
CREATE INDEX member_profiles_by_account ON member_profiles (account_id);
ALTER TABLE project_clients ADD COLUMN account_id UUID;
UPDATE project_clients SET account_id = (SELECT a.account_id FROM accounts a WHERE a.email = project_clients.email);
CREATE INDEX project_clients_by_account ON project_clients (account_id);

-- An invitation is to one membership or one project, and knows whether it went by mail (the token
-- proves the email) or was shown to the admin (it proves nothing about the email). Open invitations
-- from before knew neither: admins issue new ones from their page.
DELETE FROM invitations WHERE accepted_at IS NULL;
ALTER TABLE invitations ADD COLUMN cooperative_id UUID;
ALTER TABLE invitations ADD COLUMN member_id UUID;
ALTER TABLE invitations ADD COLUMN project_id UUID;
ALTER TABLE invitations ADD COLUMN mailed BOOLEAN DEFAULT FALSE NOT NULL;

-- A password reset by mail: only a hash of the token is kept; it works once, for a short time.
CREATE TABLE password_resets (
    token_hash  CHAR(64)      NOT NULL PRIMARY KEY,
    email       VARCHAR(320)  NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    expires_at  TIMESTAMP     NOT NULL,
    used_at     TIMESTAMP
);
CREATE INDEX password_resets_by_email ON password_resets (email);
