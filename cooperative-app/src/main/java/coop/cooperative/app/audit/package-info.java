/**
 * The audit trail people can read: who did what and when in a cooperative, in the reader's language,
 * filtered, paged and as CSV, for admins and treasurers; a member reads what concerns them.
 */
package coop.cooperative.app.audit;
