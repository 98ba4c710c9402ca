package coop.cooperative.app.invoicing;

import coop.cooperative.core.shared.Refusal;
import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.invoicing.InvoicingRequests.ClientDetailsRequest;
import coop.cooperative.app.invoicing.InvoicingRequests.ClientRatesRequest;
import coop.cooperative.app.invoicing.InvoicingRequests.InvoicingDetailsRequest;
import coop.cooperative.app.invoicing.InvoicingResponses.ClientDetailsResponse;
import coop.cooperative.app.invoicing.InvoicingResponses.ClientRatesResponse;
import coop.cooperative.app.invoicing.InvoicingResponses.InvoicingDetailsResponse;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.FieldError;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * What billing needs before an invoice: the cooperative's invoicing details (its admin's), and a
 * project's client rates and client details (its treasurer's or admin's).
 */
@Tag(name = "Invoicing", description = "Client rates, invoices, payments and credit notes")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}")
class InvoicingSetupController {

    private static final String TREASURER_OR_ADMIN = "@access.holds(#cooperativeId, 'TREASURER') or @access.holds(#cooperativeId, 'ADMIN')";

    private final Invoicing invoicing;
    private final BookRules rules;
    private final CooperativeAccess access;
    private final Clock clock;

    InvoicingSetupController(Invoicing invoicing, BookRules rules, CooperativeAccess access, Clock clock) {
        this.invoicing = invoicing;
        this.rules = rules;
        this.access = access;
        this.clock = clock;
    }

    @Operation(summary = "Set the cooperative's invoicing details and policy (fee, payment term)", operationId = "setInvoicingDetails")
    @PutMapping("/invoicing-details")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    InvoicingDetailsResponse setDetails(@PathVariable CooperativeId cooperativeId,
                                        @Valid @RequestBody InvoicingDetailsRequest request) {
        invoicing.setDetails(cooperativeId, new InvoicingDetails(request.legalName(), request.address().address(),
                request.vatNumber(), request.kvkNumber(), request.iban(),
                request.feePercent() == null ? InvoicingDetails.DEFAULT_FEE_PERCENT : request.feePercent(),
                request.paymentTermDays() == null ? 30 : request.paymentTermDays()), rules.caller(cooperativeId), today());
        return details(cooperativeId);
    }

    @Operation(summary = "The cooperative's invoicing details", operationId = "getInvoicingDetails")
    @GetMapping("/invoicing-details")
    @PreAuthorize(TREASURER_OR_ADMIN)
    InvoicingDetailsResponse details(@PathVariable CooperativeId cooperativeId) {
        return InvoicingDetailsResponse.of(invoicing.details(cooperativeId)
                .orElseThrow(() -> new NotFound(Refusal.INVOICING_DETAILS_NOT_SET, "The cooperative has no invoicing details yet")));
    }

    @Operation(summary = "Set a project's client rates per skill", operationId = "setClientRates")
    @PutMapping("/projects/{projectId}/rates")
    @PreAuthorize(TREASURER_OR_ADMIN)
    ClientRatesResponse setRates(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                                 @Valid @RequestBody ClientRatesRequest request) {
        Currency currency = currency(cooperativeId);
        List<ClientRate> rates = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.rates().size(); i++) {
            var rate = request.rates().get(i);
            try {
                rates.add(new ClientRate(rate.skill().strip(), Amounts.positive("rates[" + i + "].hourlyRate",
                        rate.hourlyRate(), currency), rate.vatRate() == null ? VatRate.STANDARD : rate.vatRate()));
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        invoicing.setClientRates(cooperativeId, projectId, rates);
        return rates(cooperativeId, projectId);
    }

    @Operation(summary = "A project's client rates", operationId = "getClientRates")
    @GetMapping("/projects/{projectId}/rates")
    @PreAuthorize(TREASURER_OR_ADMIN)
    ClientRatesResponse rates(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId) {
        invoicing.project(cooperativeId, projectId);
        return ClientRatesResponse.of(projectId, currency(cooperativeId).getCurrencyCode(),
                invoicing.clientRates(cooperativeId, projectId));
    }

    @Operation(summary = "Set who a project's invoices are addressed to", operationId = "setClientDetails")
    @PutMapping("/projects/{projectId}/client-details")
    @PreAuthorize(TREASURER_OR_ADMIN)
    ClientDetailsResponse setClientDetails(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                                           @Valid @RequestBody ClientDetailsRequest request) {
        invoicing.setClientDetails(cooperativeId, projectId, new ClientDetails(request.legalName(),
                request.address().address(), request.vatNumber(), request.countryCode(), request.kvkNumber(),
                request.lineGrouping()));
        return clientDetails(cooperativeId, projectId);
    }

    @Operation(summary = "Who a project's invoices are addressed to", operationId = "getClientDetails")
    @GetMapping("/projects/{projectId}/client-details")
    @PreAuthorize(TREASURER_OR_ADMIN)
    ClientDetailsResponse clientDetails(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId) {
        invoicing.project(cooperativeId, projectId);
        return ClientDetailsResponse.of(projectId, invoicing.clientDetails(cooperativeId, projectId)
                .orElseThrow(() -> new NotFound(Refusal.INVOICING_CLIENT_DETAILS_NOT_SET, "The project has no client details yet")));
    }

    private Currency currency(CooperativeId cooperativeId) {
        return access.cooperative(cooperativeId).currency();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
