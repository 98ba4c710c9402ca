-- Cooperatives brought in from another installation (docs/data.md, "Export and re-import").
--
-- The import appends the cooperative's events after this installation's own, so the processors that
-- act on what happens (the policies that send commands, the notifications that mail) would act on its
-- whole history again: they skip an imported cooperative's events up to last_global_index, which the
-- source installation has already acted on (its effects are among the imported events).
CREATE TABLE cooperative_imports (
    cooperative_id     UUID       NOT NULL PRIMARY KEY,
    imported_at        TIMESTAMP  NOT NULL,
    events             BIGINT     NOT NULL,
    last_global_index  BIGINT     NOT NULL
);

-- The accounts a member acted under in the installations the cooperative came from: the events'
-- metadata names them (userId), so the audit trail still names the member who acted.
CREATE TABLE member_former_accounts (
    account_id      UUID  NOT NULL,
    member_id       UUID  NOT NULL,
    cooperative_id  UUID  NOT NULL,
    PRIMARY KEY (account_id, member_id)
);
CREATE INDEX member_former_accounts_by_cooperative ON member_former_accounts (cooperative_id);
