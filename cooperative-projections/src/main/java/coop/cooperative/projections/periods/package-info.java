/**
 * The closed periods of each cooperative, for every feature that must refuse entries dated in one.
 */
package coop.cooperative.projections.periods;
