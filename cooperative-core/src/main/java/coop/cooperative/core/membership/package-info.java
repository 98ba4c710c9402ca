/**
 * Membership: founding a cooperative, members joining and leaving, and the roles they hold.
 * The {@link coop.cooperative.core.membership.Cooperative} aggregate guards its invariants.
 */
package coop.cooperative.core.membership;
