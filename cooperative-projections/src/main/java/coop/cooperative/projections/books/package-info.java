/**
 * The cooperative's books: double-entry postings of approved and reversed costs and of
 * settlements, from which balances (as of any date), the journal with running balances, the
 * exports and the totals per category are read.
 */
package coop.cooperative.projections.books;
