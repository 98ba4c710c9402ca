/**
 * Shared costs as the treasurer sees them (each cost with its shares and decisions, the queue of
 * costs awaiting a decision) and the recurring costs with their occurrences.
 */
package coop.cooperative.projections.costs;
