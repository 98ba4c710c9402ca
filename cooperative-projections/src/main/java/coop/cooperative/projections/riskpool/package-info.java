/**
 * The risk pool's read model: the pool's balance, each member's account and its history, the
 * claims with months paid and left, for the API and for the payout scheduler.
 */
package coop.cooperative.projections.riskpool;
