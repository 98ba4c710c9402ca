package coop.cooperative.app.invoicing;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import coop.cooperative.projections.invoicing.InvoicingQueries.DocumentKind;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * A sent invoice or credit note as a PDF, with the figures of the document as it was sent: the
 * Thymeleaf template {@code invoicing/document-pdf} (well-formed XHTML) rendered by openhtmltopdf.
 * Labels are in Dutch and English, as a Dutch invoice to a client abroad reads.
 */
@Component
class InvoicePdf {

    private final ITemplateEngine templates;

    InvoicePdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(InvoiceView document) {
        Context context = new Context(Locale.ROOT);
        boolean credits = document.kind() == DocumentKind.CREDIT_NOTE;
        context.setVariable("doc", document);
        context.setVariable("credits", credits);
        context.setVariable("title", credits ? "Creditnota / Credit note" : "Factuur / Invoice");
        context.setVariable("currency", document.currency().getCurrencyCode());
        String html = templates.process("invoicing/document-pdf", context);
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(pdf).run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the PDF of " + document.number(), e);
        }
    }
}
