/**
 * Invoicing as treasurers, members and clients read it: the cooperative's invoicing details, each
 * project's client rates and details, invoices and credit notes as sent, payments, and the hours
 * not yet on any invoice.
 */
package coop.cooperative.projections.invoicing;
