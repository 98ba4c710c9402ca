/**
 * The published language of the risk pool (solidarity fund). Claim events are defined first
 * because continuity uses them: a member with an open claim is unavailable. A claim's reason is
 * personal (health) data and is never part of an event.
 */
package coop.cooperative.core.riskpool.api;
