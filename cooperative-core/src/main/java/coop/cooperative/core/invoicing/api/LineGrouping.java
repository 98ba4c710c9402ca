package coop.cooperative.core.invoicing.api;

/**
 * How a client wants the hours on an invoice: one line per member and skill (who did the work is
 * plain), or one line per skill (the team's hours of a skill together, as many clients' purchase
 * orders list them).
 */
public enum LineGrouping {
    MEMBER,
    SKILL;

    /** The grouping asked for, or per member when none is. */
    public static LineGrouping orDefault(LineGrouping grouping) {
        return grouping == null ? MEMBER : grouping;
    }
}
