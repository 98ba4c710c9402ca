/** Settlements: one aggregate per payment between a member and the cooperative. */
package coop.cooperative.core.settlements;
