/**
 * The published language of shared costs and recurring costs: commands, events, ids and the split.
 */
package coop.cooperative.core.costs.api;
