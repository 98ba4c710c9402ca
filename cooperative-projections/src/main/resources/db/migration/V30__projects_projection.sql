-- Read model of the "projects" projection: projects, their required skills and assignments.
CREATE TABLE projects (
    project_id      UUID          NOT NULL PRIMARY KEY,
    cooperative_id  UUID          NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    client_name     VARCHAR(200)  NOT NULL,
    start_date      DATE          NOT NULL,
    end_date        DATE          NOT NULL,
    closed_on       DATE
);
CREATE INDEX projects_by_cooperative ON projects (cooperative_id);

CREATE TABLE project_skills (
    project_id      UUID          NOT NULL,
    skill           VARCHAR(100)  NOT NULL,
    hours_per_week  INTEGER       NOT NULL,
    PRIMARY KEY (project_id, skill)
);

CREATE TABLE project_assignments (
    assignment_id    UUID          NOT NULL PRIMARY KEY,
    project_id       UUID          NOT NULL,
    cooperative_id   UUID          NOT NULL,
    member_id        UUID          NOT NULL,
    assignment_role  VARCHAR(10)   NOT NULL,
    skill            VARCHAR(100)  NOT NULL,
    hours_per_week   INTEGER       NOT NULL,
    from_date        DATE          NOT NULL,
    to_date          DATE          NOT NULL
);
CREATE INDEX project_assignments_by_project ON project_assignments (project_id);
CREATE INDEX project_assignments_by_member ON project_assignments (member_id);
