/**
 * Invoicing: the cooperative's invoicing details, a project's client rates and details, invoices
 * drafted from hours, approved by four eyes with a gapless number, paid and credited; the API and
 * the documents (UBL, PDF) clients receive.
 */
package coop.cooperative.app.invoicing;
