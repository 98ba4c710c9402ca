/**
 * The risk pool's API, the payout scheduler, the reaction to members leaving the cooperative,
 * the claim reasons kept outside the event store, and the pool's part of the demo.
 */
package coop.cooperative.app.riskpool;
