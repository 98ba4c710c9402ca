/**
 * The audit trail: one entry per event of a cooperative, with who caused it (the account in the
 * event's metadata), when, the correlation id of the request, and the event's values to put into
 * words at read time.
 */
package coop.cooperative.projections.audit;
