-- Which client contacts may see which projects. A contact's email is personal data, so it lives
-- beside the event store (like member_profiles), where it can be erased. Written by the app.
CREATE TABLE project_clients (
    project_id      UUID          NOT NULL,
    cooperative_id  UUID          NOT NULL,
    email           VARCHAR(320)  NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    PRIMARY KEY (project_id, email)
);
CREATE INDEX project_clients_by_email ON project_clients (email);
