package coop.cooperative.app.invoicing;

import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import coop.cooperative.projections.invoicing.InvoicingQueries.LineView;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * A sent document's files for the client's systems and records: its UBL and its PDF. A line per
 * member names the member ("Uren ux, Anna de Vries"), so a client who wants its hours per member
 * sees whose they are; the name is taken when the file is made, since names stay out of the events.
 */
@Component
class InvoiceFiles {

    private final InvoicePdf pdf;
    private final MemberProfiles profiles;

    InvoiceFiles(InvoicePdf pdf, MemberProfiles profiles) {
        this.pdf = pdf;
        this.profiles = profiles;
    }

    String ubl(InvoiceView document) {
        return UblDocument.of(document, itemNames(document));
    }

    byte[] pdf(InvoiceView document) {
        return pdf.render(document, itemNames(document));
    }

    /** Per line number, what the line is called: its description, and for a line per member their name. */
    private Map<Integer, String> itemNames(InvoiceView document) {
        // an erased member is "former member N" in the document's language: the client's (as HoursToBill)
        boolean dutch = document.buyer() != null && document.buyer().address() != null
                && "NL".equals(document.buyer().address().countryCode());
        Map<MemberId, String> names = profiles.names(document.cooperativeId(),
                dutch ? java.util.Locale.forLanguageTag("nl") : java.util.Locale.ENGLISH);
        Map<Integer, String> items = new TreeMap<>();
        for (LineView line : document.lines()) {
            String name = line.memberId() == null ? null : names.get(line.memberId());
            items.put(line.number(), name == null ? line.description() : line.description() + ", " + name);
        }
        return items;
    }
}
