package coop.cooperative.app.invoicing;

import coop.cooperative.core.shared.Refusal;
import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.invoicing.InvoicingRequests.CreditNoteRequest;
import coop.cooperative.app.invoicing.InvoicingRequests.DraftInvoiceRequest;
import coop.cooperative.app.invoicing.InvoicingRequests.PaymentRequest;
import coop.cooperative.app.invoicing.InvoicingRequests.ReviseDraftRequest;
import coop.cooperative.app.invoicing.InvoicingResponses.EarningsResponse;
import coop.cooperative.app.invoicing.InvoicingResponses.InvoiceResponse;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.InvoicingCommands.FixedAmount;
import coop.cooperative.core.invoicing.api.InvoicingCommands.LineRevision;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Invoices: a treasurer drafts, another approves (numbered and sent), records payments and issues credit
 * notes; a client sees the sent invoices of their own projects.
 */
@Tag(name = "Invoicing", description = "Client rates, invoices, payments and credit notes")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}")
class InvoicingController {

    private static final String TREASURER_OR_ADMIN = "@access.holds(#cooperativeId, 'TREASURER') or @access.holds(#cooperativeId, 'ADMIN')";

    private final Invoicing invoicing;
    private final BookRules rules;
    private final CooperativeAccess access;
    private final InvoiceVisibility visibility;
    private final Clock clock;
    private final InvoiceFiles files;

    InvoicingController(Invoicing invoicing, BookRules rules, CooperativeAccess access, InvoiceVisibility visibility, Clock clock,
                        InvoiceFiles files) {
        this.files = files;
        this.invoicing = invoicing;
        this.rules = rules;
        this.access = access;
        this.visibility = visibility;
        this.clock = clock;
    }

    @Operation(summary = "Draft an invoice from the project's unbilled hours in a period, or for a fixed amount",
            operationId = "draftInvoice")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping("/projects/{projectId}/invoices")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    ResponseEntity<InvoiceResponse> draft(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                                          @Valid @RequestBody DraftInvoiceRequest request) {
        if (request.to().isBefore(request.from())) {
            throw new InvalidRequestException("to", "must not lie before from");
        }
        MemberId caller = rules.caller(cooperativeId);
        InvoiceId invoiceId;
        if (request.fixedAmount() == null) {
            invoiceId = invoicing.draftFromHours(cooperativeId, projectId, request.from(), request.to(), caller, today());
        } else {
            var fixed = request.fixedAmount();
            invoiceId = invoicing.draftFixed(cooperativeId, projectId, request.from(), request.to(), new FixedAmount(
                    fixed.description(), Amounts.positive("fixedAmount.amount", fixed.amount(), currency(cooperativeId)),
                    fixed.vatRate()), caller, today());
        }
        return ResponseEntity.created(URI.create("/api/cooperatives/" + cooperativeId + "/invoices/" + invoiceId))
                .body(response(invoicing.find(cooperativeId, invoiceId)));
    }

    @Operation(summary = "Revise a draft invoice's lines (lines left out are dropped)", operationId = "reviseDraftInvoice")
    @PutMapping("/invoices/{invoiceId}/lines")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    InvoiceResponse revise(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId,
                           @Valid @RequestBody ReviseDraftRequest request) {
        Currency currency = currency(cooperativeId);
        List<LineRevision> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            var line = request.lines().get(i);
            lines.add(new LineRevision(line.number(), line.description(),
                    Amounts.positive("lines[" + i + "].unitPrice", line.unitPrice(), currency)));
        }
        invoicing.revise(cooperativeId, invoiceId, lines, rules.caller(cooperativeId), today());
        return response(invoicing.find(cooperativeId, invoiceId));
    }

    @Operation(summary = "Approve a draft invoice: it is numbered and sent (four eyes: not by who drafted it)",
            operationId = "approveInvoice")
    @PostMapping("/invoices/{invoiceId}/approve")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    InvoiceResponse approve(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId) {
        invoicing.approve(cooperativeId, invoiceId, rules.caller(cooperativeId), today());
        return response(invoicing.find(cooperativeId, invoiceId));
    }

    @Operation(summary = "Invoices and credit notes: all for a treasurer or admin, a client's own projects' sent ones",
            operationId = "listInvoices")
    @GetMapping("/invoices")
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    List<InvoiceResponse> list(@PathVariable CooperativeId cooperativeId) {
        return visibility.list(cooperativeId).stream().map(this::response).toList();
    }

    @Operation(summary = "An invoice or credit note", operationId = "getInvoice")
    @GetMapping("/invoices/{invoiceId}")
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    InvoiceResponse invoice(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId) {
        return response(visibility.find(cooperativeId, invoiceId));
    }

    @Operation(summary = "A sent invoice or credit note as PDF", operationId = "getInvoicePdf",
            responses = @ApiResponse(responseCode = "200", description = "The PDF",
                    content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(value = "/invoices/{invoiceId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    ResponseEntity<byte[]> pdf(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId) {
        InvoiceView document = visibility.sent(cooperativeId, invoiceId, Refusal.INVOICE_DRAFT_NO_PDF,
                "A draft has no PDF yet: it gets one when it is approved and numbered");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + document.number() + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(files.pdf(document));
    }

    @Operation(summary = "A sent invoice or credit note as UBL 2.1 (SI-UBL 2.0), for the client's systems and Peppol",
            operationId = "getInvoiceUbl",
            responses = @ApiResponse(responseCode = "200", description = "The UBL document",
                    content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string"))))
    @GetMapping(value = "/invoices/{invoiceId}/ubl", produces = MediaType.APPLICATION_XML_VALUE)
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    ResponseEntity<String> ubl(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId) {
        InvoiceView document = visibility.sent(cooperativeId, invoiceId, Refusal.INVOICE_DRAFT_NO_UBL,
                "A draft has no UBL yet: it gets one when it is approved and numbered");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + document.number() + ".xml\"")
                .contentType(MediaType.APPLICATION_XML)
                .body(files.ubl(document));
    }

    @Operation(summary = "Record a payment by the client (partial payments too)", operationId = "recordInvoicePayment")
    @PostMapping("/invoices/{invoiceId}/payments")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    InvoiceResponse pay(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId,
                        @Valid @RequestBody PaymentRequest request) {
        Money amount = Amounts.positive("amount", request.amount(), currency(cooperativeId));
        invoicing.recordPayment(cooperativeId, invoiceId, amount, request.date(), rules.caller(cooperativeId), today());
        return response(invoicing.find(cooperativeId, invoiceId));
    }

    @Operation(summary = "Issue a credit note for whole lines or an amount (excluding VAT), with a reason",
            operationId = "issueCreditNote")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping("/invoices/{invoiceId}/credit-notes")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    ResponseEntity<InvoiceResponse> credit(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId,
                                           @Valid @RequestBody CreditNoteRequest request) {
        boolean byLines = request.lines() != null && !request.lines().isEmpty();
        if (byLines == (request.amount() != null)) {
            throw new InvalidRequestException("lines", "give either lines or amount");
        }
        Money amount = byLines ? null : Amounts.positive("amount", request.amount(), currency(cooperativeId));
        InvoiceId creditNote = invoicing.creditNote(cooperativeId, invoiceId, byLines ? request.lines() : List.of(),
                amount, request.reason(), rules.caller(cooperativeId), today());
        return ResponseEntity.created(URI.create("/api/cooperatives/" + cooperativeId + "/invoices/" + creditNote))
                .body(response(invoicing.find(cooperativeId, creditNote)));
    }

    @Operation(summary = "A member's earnings per month from invoices, net of credit notes", operationId = "getMemberEarnings")
    @GetMapping("/members/{memberId}/earnings")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #memberId, 'TREASURER')")
    List<EarningsResponse> earnings(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId) {
        return invoicing.earnings(cooperativeId, memberId).stream().map(EarningsResponse::of).toList();
    }

    private InvoiceResponse response(InvoiceView view) {
        return InvoiceResponse.of(view, today());
    }

    private Currency currency(CooperativeId cooperativeId) {
        return access.cooperative(cooperativeId).currency();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
