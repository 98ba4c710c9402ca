package coop.cooperative.app.invoicing;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import coop.cooperative.core.invoicing.Quote;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.projections.invoicing.InvoicingQueries.DocumentKind;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * A sent invoice or credit note, or a quote, as a PDF, with the figures of the document as it was sent: the
 * Thymeleaf template {@code invoicing/document-pdf} (well-formed XHTML) rendered by openhtmltopdf.
 * Labels are in Dutch and English, as a Dutch invoice to a client abroad reads.
 */
@Component
class InvoicePdf {

    private final ITemplateEngine templates;

    InvoicePdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** {@code itemNames}: what each line (by number) is called on the document. */
    byte[] render(InvoiceView document, Map<Integer, String> itemNames) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("itemNames", itemNames);
        boolean credits = document.kind() == DocumentKind.CREDIT_NOTE;
        context.setVariable("doc", document);
        context.setVariable("credits", credits);
        context.setVariable("title", credits ? "Creditnota / Credit note" : "Factuur / Invoice");
        context.setVariable("currency", document.currency().getCurrencyCode());
        return pdf("invoicing/document-pdf", context, document.number());
    }

    /** A quote for a planned project, from the cooperative ({@code seller}, null before its details are set). */
    byte[] render(Quote quote, ProjectView project, InvoicingDetails seller) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("quote", quote);
        context.setVariable("project", project);
        context.setVariable("seller", seller);
        context.setVariable("currency", quote.total().currency().getCurrencyCode());
        return pdf("invoicing/quote-pdf", context, "the quote for " + project.name());
    }

    private byte[] pdf(String template, Context context, String what) {
        String html = templates.process(template, context);
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(pdf).run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the PDF of " + what, e);
        }
    }
}
