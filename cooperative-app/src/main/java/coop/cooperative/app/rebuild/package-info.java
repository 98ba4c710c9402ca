/**
 * Rebuilding views without taking them away: a view's tables are built anew beside the live ones
 * (shadow tables) from one pass over the event store, then swapped in while the live view pauses.
 */
package coop.cooperative.app.rebuild;
