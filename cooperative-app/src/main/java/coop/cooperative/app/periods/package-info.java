/**
 * Closing and reopening periods (months), and reading which are closed.
 */
package coop.cooperative.app.periods;
