package coop.cooperative.app.invoicing;

import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.invoicing.InvoicingQueries.DocumentKind;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import coop.cooperative.projections.invoicing.InvoicingQueries.LineView;
import coop.cooperative.projections.invoicing.InvoicingQueries.Party;
import coop.cooperative.projections.invoicing.InvoicingQueries.VatView;

import java.util.Map;

/**
 * A sent invoice or credit note as UBL 2.1 following SI-UBL 2.0 (the Dutch CIUS of EN 16931, as
 * used on Peppol). Written element by element in the order the UBL schema requires; every value
 * comes from the document as it was sent (docs/invoicing.md has the mapping).
 */
final class UblDocument {

    static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0";
    static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    /** The Peppol scheme of a Dutch KvK number. */
    private static final String KVK_SCHEME = "0106";
    /** The Peppol scheme of a Dutch VAT number. */
    private static final String NL_VAT_SCHEME = "9944";

    private final StringBuilder xml = new StringBuilder();
    private final InvoiceView document;
    private final boolean creditNote;
    private final String currency;
    private final Map<Integer, String> itemNames;

    private UblDocument(InvoiceView document, Map<Integer, String> itemNames) {
        this.document = document;
        this.itemNames = itemNames;
        this.creditNote = document.kind() == DocumentKind.CREDIT_NOTE;
        this.currency = document.currency().getCurrencyCode();
    }

    /** The document with each line's item named by its description. */
    static String of(InvoiceView document) {
        return of(document, Map.of());
    }

    /** The document with each line's item named as {@code itemNames} says (by line number), else by its description. */
    static String of(InvoiceView document, Map<Integer, String> itemNames) {
        return new UblDocument(document, itemNames).write();
    }

    private String write() {
        String root = creditNote ? "CreditNote" : "Invoice";
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root)
                .append(" xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:").append(root).append("-2\"")
                .append(" xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"")
                .append(" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n");
        text("cbc:CustomizationID", CUSTOMIZATION);
        text("cbc:ProfileID", PROFILE);
        text("cbc:ID", document.number());
        text("cbc:IssueDate", document.issueDate().toString());
        if (!creditNote) {
            text("cbc:DueDate", document.dueDate().toString());
            text("cbc:InvoiceTypeCode", "380");
        } else {
            text("cbc:CreditNoteTypeCode", "381");
            text("cbc:Note", document.reason());
        }
        text("cbc:DocumentCurrencyCode", currency);
        // Peppol asks for the buyer's reference or an order reference: the project is what the client knows.
        text("cbc:BuyerReference", document.projectId().toString());
        open("cac:InvoicePeriod");
        text("cbc:StartDate", document.periodFrom().toString());
        text("cbc:EndDate", document.periodTo().toString());
        close("cac:InvoicePeriod");
        if (creditNote) {
            open("cac:BillingReference");
            open("cac:InvoiceDocumentReference");
            text("cbc:ID", document.creditsInvoiceNumber());
            close("cac:InvoiceDocumentReference");
            close("cac:BillingReference");
        }
        party("cac:AccountingSupplierParty", document.seller(), true);
        party("cac:AccountingCustomerParty", document.buyer(), false);
        open("cac:PaymentMeans");
        text("cbc:PaymentMeansCode", "58"); // SEPA credit transfer
        text("cbc:PaymentID", creditNote ? document.creditsInvoiceNumber() : document.number());
        open("cac:PayeeFinancialAccount");
        text("cbc:ID", document.seller().iban());
        close("cac:PayeeFinancialAccount");
        close("cac:PaymentMeans");
        open("cac:TaxTotal");
        amount("cbc:TaxAmount", document.totalVat());
        for (VatView vat : document.vat()) {
            open("cac:TaxSubtotal");
            amount("cbc:TaxableAmount", vat.taxableAmount());
            amount("cbc:TaxAmount", vat.vat());
            taxCategory("cac:TaxCategory", vat.rate(), true);
            close("cac:TaxSubtotal");
        }
        close("cac:TaxTotal");
        open("cac:LegalMonetaryTotal");
        amount("cbc:LineExtensionAmount", document.totalExclVat());
        amount("cbc:TaxExclusiveAmount", document.totalExclVat());
        amount("cbc:TaxInclusiveAmount", document.total());
        amount("cbc:PayableAmount", document.total());
        close("cac:LegalMonetaryTotal");
        for (LineView line : document.lines()) {
            line(line);
        }
        xml.append("</").append(root).append(">\n");
        return xml.toString();
    }

    private void party(String role, Party party, boolean seller) {
        open(role);
        open("cac:Party");
        if (seller) {
            attributed("cbc:EndpointID", "schemeID", KVK_SCHEME, party.kvkNumber());
        } else if (party.vatNumber() != null && party.vatNumber().startsWith("NL")) {
            attributed("cbc:EndpointID", "schemeID", NL_VAT_SCHEME, party.vatNumber());
        } else if (party.vatNumber() != null) {
            attributed("cbc:EndpointID", "schemeID", vatScheme(party.vatNumber()), party.vatNumber());
        } else if (party.kvkNumber() != null) {
            // a Dutch client without a VAT number (a municipality) is reached on Peppol by its KvK number
            attributed("cbc:EndpointID", "schemeID", KVK_SCHEME, party.kvkNumber());
        }
        open("cac:PartyName");
        text("cbc:Name", party.legalName());
        close("cac:PartyName");
        open("cac:PostalAddress");
        text("cbc:StreetName", party.address().street());
        text("cbc:CityName", party.address().city());
        text("cbc:PostalZone", party.address().postalCode());
        open("cac:Country");
        text("cbc:IdentificationCode", party.address().countryCode());
        close("cac:Country");
        close("cac:PostalAddress");
        if (party.vatNumber() != null) {
            open("cac:PartyTaxScheme");
            text("cbc:CompanyID", party.vatNumber());
            open("cac:TaxScheme");
            text("cbc:ID", "VAT");
            close("cac:TaxScheme");
            close("cac:PartyTaxScheme");
        }
        open("cac:PartyLegalEntity");
        text("cbc:RegistrationName", party.legalName());
        if (party.kvkNumber() != null) {
            attributed("cbc:CompanyID", "schemeID", KVK_SCHEME, party.kvkNumber());
        }
        close("cac:PartyLegalEntity");
        close("cac:Party");
        close(role);
    }

    /** The Peppol electronic address scheme of another EU country's VAT number (EAS code list). */
    private static String vatScheme(String vatNumber) {
        return switch (vatNumber.substring(0, 2)) {
            case "DE" -> "9930";
            case "BE" -> "9925";
            case "FR" -> "9957";
            case "IT" -> "9906";
            case "AT" -> "9914";
            default -> "9944";
        };
    }

    private void line(LineView line) {
        String element = creditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine";
        open(element);
        text("cbc:ID", Integer.toString(line.number()));
        String unit = line.skill() != null && !creditNote ? "HUR" : "C62";
        attributed(creditNote ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", "unitCode", unit,
                line.quantity().toPlainString());
        amount("cbc:LineExtensionAmount", line.amount());
        open("cac:Item");
        text("cbc:Name", itemNames.getOrDefault(line.number(), line.description()));
        taxCategory("cac:ClassifiedTaxCategory", line.vatRate(), false);
        close("cac:Item");
        open("cac:Price");
        amount("cbc:PriceAmount", line.unitPrice());
        close("cac:Price");
        close(element);
    }

    private void taxCategory(String element, VatRate rate, boolean withExemption) {
        open(element);
        text("cbc:ID", rate.categoryCode());
        text("cbc:Percent", rate.percent().toPlainString());
        if (withExemption && rate == VatRate.REVERSE_CHARGE) {
            text("cbc:TaxExemptionReasonCode", "VATEX-EU-AE");
            text("cbc:TaxExemptionReason", "Reverse charge");
        }
        open("cac:TaxScheme");
        text("cbc:ID", "VAT");
        close("cac:TaxScheme");
        close(element);
    }

    private void amount(String element, Money money) {
        attributed(element, "currencyID", currency, money.toString());
    }

    private void attributed(String element, String attribute, String value, String content) {
        xml.append('<').append(element).append(' ').append(attribute).append("=\"").append(escape(value)).append("\">")
                .append(escape(content)).append("</").append(element).append(">\n");
    }

    private void text(String element, String content) {
        xml.append('<').append(element).append('>').append(escape(content)).append("</").append(element).append(">\n");
    }

    private void open(String element) {
        xml.append('<').append(element).append(">\n");
    }

    private void close(String element) {
        xml.append("</").append(element).append(">\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
