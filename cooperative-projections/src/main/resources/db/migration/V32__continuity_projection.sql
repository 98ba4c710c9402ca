-- Read model of the "continuity" projection: the facts it joins (projects, assignments,
-- membership, risk-pool claims). Availability is computed from these dates when asked.
CREATE TABLE continuity_projects (
    project_id      UUID          NOT NULL PRIMARY KEY,
    cooperative_id  UUID          NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    client_name     VARCHAR(200)  NOT NULL,
    start_date      DATE          NOT NULL,
    end_date        DATE          NOT NULL,
    closed_on       DATE
);
CREATE INDEX continuity_projects_by_cooperative ON continuity_projects (cooperative_id);

CREATE TABLE continuity_skills (
    project_id      UUID          NOT NULL,
    skill           VARCHAR(100)  NOT NULL,
    PRIMARY KEY (project_id, skill)
);

CREATE TABLE continuity_assignments (
    assignment_id    UUID          NOT NULL PRIMARY KEY,
    cooperative_id   UUID          NOT NULL,
    project_id       UUID          NOT NULL,
    member_id        UUID          NOT NULL,
    assignment_role  VARCHAR(10)   NOT NULL,
    skill            VARCHAR(100)  NOT NULL,
    hours_per_week   INTEGER       NOT NULL,
    from_date        DATE          NOT NULL,
    to_date          DATE          NOT NULL
);
CREATE INDEX continuity_assignments_by_cooperative ON continuity_assignments (cooperative_id);

CREATE TABLE continuity_members (
    member_id       UUID           NOT NULL PRIMARY KEY,
    cooperative_id  UUID           NOT NULL,
    skills          VARCHAR(2000)  NOT NULL,
    joined_on       DATE           NOT NULL,
    left_on         DATE
);
CREATE INDEX continuity_members_by_cooperative ON continuity_members (cooperative_id);

CREATE TABLE continuity_claims (
    claim_id        UUID     NOT NULL PRIMARY KEY,
    cooperative_id  UUID     NOT NULL,
    member_id       UUID     NOT NULL,
    start_date      DATE     NOT NULL,
    end_date        DATE,
    rejected        BOOLEAN  NOT NULL
);
CREATE INDEX continuity_claims_by_cooperative ON continuity_claims (cooperative_id);
