package coop.cooperative.core.settlements.api;

/** Which way the money moved between a member and the cooperative. */
public enum SettlementDirection {
    /** The member paid the cooperative: their balance goes up. */
    PAID_TO_COOPERATIVE,
    /** The member received money from the cooperative: their balance goes down. */
    RECEIVED_FROM_COOPERATIVE
}
