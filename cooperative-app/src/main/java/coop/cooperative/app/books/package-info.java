/**
 * The cooperative's books over HTTP: settlements, balances as of any date, the journal with
 * running balances, totals per category, and the hledger and CSV exports.
 */
package coop.cooperative.app.books;
