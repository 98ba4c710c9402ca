/**
 * The risk pool (solidarity fund, after the Dutch broodfonds): one {@link coop.cooperative.core.riskpool.RiskPool}
 * aggregate per cooperative holds every member's account, the claims and their monthly payouts.
 */
package coop.cooperative.core.riskpool;
