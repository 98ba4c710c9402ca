/** The published language of settlements: money that moved between a member and the cooperative. */
package coop.cooperative.core.settlements.api;
