package coop.cooperative.app.invoicing;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** A planned project's quote for the admin or treasurer to read and send as a PDF. */
@Controller
@RequestMapping("/cooperatives/{cooperativeId}/projects/{projectId}/quote")
class QuotePage {

    private static final String TREASURER_OR_ADMIN = "@access.holds(#cooperativeId, 'TREASURER') or @access.holds(#cooperativeId, 'ADMIN')";

    private final Quotes quotes;
    private final Invoicing invoicing;
    private final CooperativeAccess access;

    QuotePage(Quotes quotes, Invoicing invoicing, CooperativeAccess access) {
        this.quotes = quotes;
        this.invoicing = invoicing;
        this.access = access;
    }

    @GetMapping
    @PreAuthorize(TREASURER_OR_ADMIN)
    String quote(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId, Model model) {
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        model.addAttribute("project", invoicing.project(cooperativeId, projectId));
        model.addAttribute("quote", quotes.of(cooperativeId, projectId));
        return "invoicing/quote";
    }

    @GetMapping("/pdf")
    @PreAuthorize(TREASURER_OR_ADMIN)
    ResponseEntity<byte[]> pdf(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"quote.pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(quotes.pdf(cooperativeId, projectId));
    }
}
