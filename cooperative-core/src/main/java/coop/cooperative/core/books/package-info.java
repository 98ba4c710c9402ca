/**
 * The books' rules: the chart of accounts ({@code Accounts}) and what each event posts to it
 * ({@code PostingRules}): an approved or reversed cost, a settlement. Pure functions of the event
 * and the cost as it was shared; the ledger projection only stores the lines they give.
 */
package coop.cooperative.core.books;
