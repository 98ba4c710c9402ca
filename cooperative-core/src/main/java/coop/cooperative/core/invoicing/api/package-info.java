/**
 * The published language of invoicing: the cooperative's invoicing details, a project's client rates
 * and client details, invoices, their numbers, payments and credit notes.
 */
package coop.cooperative.core.invoicing.api;
