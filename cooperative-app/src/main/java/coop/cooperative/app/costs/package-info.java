/**
 * Shared costs over HTTP: sharing, the treasurer's decisions and queue, recurring costs and the
 * scheduler that submits their occurrences exactly once.
 */
package coop.cooperative.app.costs;
