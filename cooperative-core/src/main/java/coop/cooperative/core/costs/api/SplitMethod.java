package coop.cooperative.core.costs.api;

/** How a shared cost is divided over its participants. */
public enum SplitMethod {
    /** Equal parts; the odd cents go to the first participants in member-id order. */
    EQUAL,
    /** In proportion to whole-number weights. */
    SHARES,
    /** In proportion to percentages that add up to exactly 100. */
    PERCENT,
    /** Exact amounts per participant that add up to exactly the cost. */
    EXACT,
    /** In proportion to the hours each participant logged (the weights are those hours). */
    HOURS
}
