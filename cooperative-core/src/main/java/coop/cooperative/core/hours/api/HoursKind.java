package coop.cooperative.core.hours.api;

/** What the time was spent on. */
public enum HoursKind {
    /** Work on a project the member is assigned to. */
    PROJECT,
    /** Learning, training, mentoring: keeping one's talent up to date. */
    DEVELOPMENT,
    /** Work for the collective itself. */
    COOPERATIVE
}
