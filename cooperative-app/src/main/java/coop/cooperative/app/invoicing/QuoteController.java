package coop.cooperative.app.invoicing;

import coop.cooperative.app.invoicing.InvoicingResponses.VatResponse;
import coop.cooperative.core.invoicing.Quote;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** A planned project's quote for its client, as JSON and as the PDF the admin sends. */
@Tag(name = "Invoicing")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}/projects/{projectId}/quote")
class QuoteController {

    private static final String TREASURER_OR_ADMIN = "@access.holds(#cooperativeId, 'TREASURER') or @access.holds(#cooperativeId, 'ADMIN')";

    private final Quotes quotes;

    QuoteController(Quotes quotes) {
        this.quotes = quotes;
    }

    record QuoteLineResponse(String skill, int hoursPerWeek, String hours, String hourlyRate, VatRate vatRate,
                             String amount) {
    }

    /** {@code missingRates}: required skills without a client rate yet, left out of the sums. */
    record QuoteResponse(LocalDate start, LocalDate end, String weeks, List<QuoteLineResponse> lines,
                         List<String> missingRates, String totalExclVat, List<VatResponse> vat, String totalVat,
                         String total, String currency) {

        static QuoteResponse of(Quote quote) {
            return new QuoteResponse(quote.start(), quote.end(), quote.weeks().toPlainString(),
                    quote.lines().stream().map(l -> new QuoteLineResponse(l.skill(), l.hoursPerWeek(),
                            l.hours().toPlainString(), l.hourlyRate().toString(), l.vatRate(), l.amount().toString()))
                            .toList(),
                    quote.missingRates(), quote.totalExclVat().toString(),
                    quote.vat().stream().map(v -> new VatResponse(v.rate(), v.rate().percent().toPlainString(),
                            v.taxableAmount().toString(), v.vat().toString())).toList(),
                    quote.totalVat().toString(), quote.total().toString(),
                    quote.total().currency().getCurrencyCode());
        }
    }

    @Operation(summary = "A quote for the project: required skills × hours per week × weeks × client rates",
            operationId = "getProjectQuote")
    @GetMapping
    @PreAuthorize(TREASURER_OR_ADMIN)
    QuoteResponse quote(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId) {
        return QuoteResponse.of(quotes.of(cooperativeId, projectId));
    }

    @Operation(summary = "The project's quote as a PDF", operationId = "getProjectQuotePdf",
            responses = @ApiResponse(responseCode = "200", description = "The PDF",
                    content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(value = "/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(TREASURER_OR_ADMIN)
    ResponseEntity<byte[]> quotePdf(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"quote.pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(quotes.pdf(cooperativeId, projectId));
    }
}
