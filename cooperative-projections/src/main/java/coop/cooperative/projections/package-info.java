/**
 * Read models built from the events: each projection owns its tables, fills them from events
 * only, answers queries from them and can be reset and replayed.
 */
package coop.cooperative.projections;
