package coop.cooperative.core.projects.api;

/** How a member serves a project: the continuity team, the one who can step in, or expertise brought in. */
public enum AssignmentRole {
    CORE,
    BACKUP,
    EXPERT
}
