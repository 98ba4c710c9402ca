package coop.cooperative.app.invoicing;

import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.invoicing.api.LineGrouping;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.invoicing.InvoicingQueries.DocumentKind;
import coop.cooperative.projections.invoicing.InvoicingQueries.DocumentStatus;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import coop.cooperative.projections.invoicing.InvoicingQueries.MonthlyEarnings;
import coop.cooperative.projections.invoicing.InvoicingQueries.Party;

import java.time.LocalDate;
import java.util.List;

/** How invoicing looks in the API: amounts as decimal strings, VAT rates with their percentage. */
final class InvoicingResponses {

    private InvoicingResponses() {
    }

    /** What a document's status reads as on a date: DRAFT, SENT, OVERDUE, PAID or CREDITED; a credit note is ISSUED. */
    enum InvoiceStatus { DRAFT, SENT, OVERDUE, PAID, CREDITED, ISSUED }

    record AddressResponse(String street, String postalCode, String city, String countryCode) {

        static AddressResponse of(Address address) {
            return new AddressResponse(address.street(), address.postalCode(), address.city(), address.countryCode());
        }
    }

    record InvoicingDetailsResponse(String legalName, AddressResponse address, String vatNumber, String kvkNumber,
                                    String iban, String feePercent, int paymentTermDays) {

        static InvoicingDetailsResponse of(InvoicingDetails d) {
            return new InvoicingDetailsResponse(d.legalName(), AddressResponse.of(d.address()), d.vatNumber(),
                    d.kvkNumber(), d.iban(), d.feePercent().toPlainString(), d.paymentTermDays());
        }
    }

    record ClientRateResponse(String skill, String hourlyRate, VatRate vatRate, String vatPercent) {
    }

    record ClientRatesResponse(ProjectId projectId, String currency, List<ClientRateResponse> rates) {

        static ClientRatesResponse of(ProjectId projectId, String currency, List<ClientRate> rates) {
            return new ClientRatesResponse(projectId, currency, rates.stream().map(r -> new ClientRateResponse(r.skill(),
                    r.hourlyRate().toString(), r.vatRate(), r.vatRate().percent().toPlainString())).toList());
        }
    }

    /** {@code reverseCharge}: invoices to this client carry no VAT; the client accounts for it ("btw verlegd"). */
    record ClientDetailsResponse(ProjectId projectId, String legalName, AddressResponse address, String vatNumber,
                                 String countryCode, String kvkNumber, boolean reverseCharge, LineGrouping lineGrouping) {

        static ClientDetailsResponse of(ProjectId projectId, ClientDetails c) {
            return new ClientDetailsResponse(projectId, c.legalName(), AddressResponse.of(c.address()), c.vatNumber(),
                    c.countryCode(), c.kvkNumber(), c.reverseCharge(), LineGrouping.orDefault(c.lineGrouping()));
        }
    }

    record PartyResponse(String legalName, AddressResponse address, String vatNumber, String kvkNumber, String iban) {

        static PartyResponse of(Party party) {
            return party == null ? null : new PartyResponse(party.legalName(), AddressResponse.of(party.address()),
                    party.vatNumber(), party.kvkNumber(), party.iban());
        }
    }

    /** One line: {@code quantity} (hours, or 1) × {@code unitPrice} = {@code amount}, excluding VAT. */
    record InvoiceLineResponse(int number, String description, MemberId memberId, String skill, String quantity,
                        String unitPrice, VatRate vatRate, String vatPercent, String amount) {
    }

    record VatResponse(VatRate rate, String percent, String taxableAmount, String vat) {
    }

    record PaymentResponse(LocalDate date, String amount) {
    }

    /**
     * An invoice or a credit note ({@code kind}). A draft has no number, dates or parties yet; its
     * {@code vat} is what its lines would carry. On an invoice, {@code paid}, {@code credited} (by its
     * credit notes, including VAT) and {@code outstanding}; on a credit note, the invoice it credits.
     */
    record InvoiceResponse(InvoiceId invoiceId, DocumentKind kind, String number, InvoiceStatus status,
                           ProjectId projectId, LocalDate from, LocalDate to, LocalDate issueDate, LocalDate dueDate,
                           String currency, List<InvoiceLineResponse> lines, String totalExclVat, List<VatResponse> vat,
                           String totalVat, String total, String paid, String credited, String outstanding,
                           List<PaymentResponse> payments, PartyResponse seller, PartyResponse buyer,
                           InvoiceId creditsInvoiceId, String creditsInvoiceNumber, String reason, MemberId draftedBy,
                           MemberId approvedBy) {

        static InvoiceResponse of(InvoiceView view, LocalDate today) {
            return new InvoiceResponse(view.invoiceId(), view.kind(), view.number(), status(view, today),
                    view.projectId(), view.periodFrom(), view.periodTo(), view.issueDate(), view.dueDate(),
                    view.currency().getCurrencyCode(),
                    view.lines().stream().map(l -> new InvoiceLineResponse(l.number(), l.description(), l.memberId(), l.skill(),
                            l.quantity().toPlainString(), l.unitPrice().toString(), l.vatRate(),
                            l.vatRate().percent().toPlainString(), l.amount().toString())).toList(),
                    view.totalExclVat().toString(),
                    view.vat().stream().map(v -> new VatResponse(v.rate(), v.rate().percent().toPlainString(),
                            v.taxableAmount().toString(), v.vat().toString())).toList(),
                    view.totalVat().toString(), view.total().toString(), view.paid().toString(),
                    view.credited().toString(), view.kind() == DocumentKind.INVOICE ? view.outstanding().toString() : null,
                    view.payments().stream().map(p -> new PaymentResponse(p.date(), p.amount().toString())).toList(),
                    PartyResponse.of(view.seller()), PartyResponse.of(view.buyer()), view.creditsInvoiceId(),
                    view.creditsInvoiceNumber(), view.reason(), view.draftedBy(), view.approvedBy());
        }

        static InvoiceStatus status(InvoiceView view, LocalDate today) {
            if (view.status() == DocumentStatus.DRAFT) {
                return InvoiceStatus.DRAFT;
            }
            if (view.kind() == DocumentKind.CREDIT_NOTE) {
                return InvoiceStatus.ISSUED;
            }
            if (view.credited().compareTo(view.total()) >= 0) {
                return InvoiceStatus.CREDITED;
            }
            if (!view.outstanding().isPositive()) {
                return InvoiceStatus.PAID;
            }
            return view.overdueOn(today) ? InvoiceStatus.OVERDUE : InvoiceStatus.SENT;
        }
    }

    /** {@code owed}: earnings less the fee, what the member's balance rose by; {@code documents}: the invoices and credit notes behind it. */
    record EarningsResponse(String month, String earnings, String fee, String owed, List<String> documents) {

        static EarningsResponse of(MonthlyEarnings m) {
            return new EarningsResponse(m.month(), m.earnings().toString(), m.fee().toString(), m.owed().toString(),
                    m.documents());
        }
    }
}
