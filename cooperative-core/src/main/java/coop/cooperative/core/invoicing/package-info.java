/**
 * Invoicing: the cooperative bills a project's client as one team, from the hours its members
 * logged or for a fixed amount; invoices are approved by four eyes, numbered without gaps per year,
 * never changed once sent, paid (in parts) and corrected by credit notes.
 */
package coop.cooperative.core.invoicing;
