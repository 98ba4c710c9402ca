package coop.cooperative.app.axon;

import java.util.Locale;

/**
 * What a node runs ({@code cooperative.node.role}), so that an installation that outgrows one
 * machine can put the API and the views on different ones. Every role handles commands.
 */
public enum NodeRole {

    /** HTTP (API and pages) and every event processor: one machine, or several alike. */
    ALL,
    /** HTTP and commands; its event processors claim no segment, so the views are kept by other nodes. */
    API,
    /** The event processors (views, policies, notifications) and the schedules; no HTTP at all. */
    VIEWS;

    /** The setting that chooses it. */
    public static final String SETTING = "cooperative.node.role";

    /** Whether this node's event processors claim segments and handle events. */
    public boolean runsProcessors() {
        return this != API;
    }

    /** Whether this node serves HTTP. */
    public boolean servesHttp() {
        return this != VIEWS;
    }

    /** The role as it is written in the setting. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }
}
