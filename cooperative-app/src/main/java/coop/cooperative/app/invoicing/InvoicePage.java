package coop.cooperative.app.invoicing;

import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.pages.Refusals;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.InvoicingCommands.LineRevision;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One invoice or credit note: its lines, VAT, payments and credit notes; a treasurer approves a draft,
 * records a payment and issues a credit note here, and whoever may see it downloads its PDF and UBL.
 */
@Controller
@RequestMapping("/cooperatives/{cooperativeId}/invoices/{invoiceId}")
class InvoicePage {

    private final Invoicing invoicing;
    private final InvoiceVisibility visibility;
    private final CooperativeAccess access;
    private final MemberProfiles profiles;
    private final BookRules rules;
    private final InvoiceFiles files;
    private final RefusalWords refusals;
    private final Clock clock;

    InvoicePage(Invoicing invoicing, InvoiceVisibility visibility, CooperativeAccess access, MemberProfiles profiles,
                BookRules rules, InvoiceFiles files, RefusalWords refusals, Clock clock) {
        this.invoicing = invoicing;
        this.visibility = visibility;
        this.access = access;
        this.profiles = profiles;
        this.rules = rules;
        this.files = files;
        this.refusals = refusals;
        this.clock = clock;
    }

    record PaymentForm(String amount, String date) {
    }

    /** A credit note for whole {@code lines}, or else for an {@code amount} excluding VAT. */
    record CreditForm(List<Integer> lines, String amount, String reason) {
    }

    /** A draft's lines as the treasurer edits them: a line without {@code keep} is dropped. */
    record ReviseForm(List<LineEdit> lines) {
    }

    record LineEdit(Integer number, String description, String unitPrice, Boolean keep) {
    }

    @GetMapping
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    String invoice(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId, Model model) {
        InvoiceView document = visibility.find(cooperativeId, invoiceId);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        model.addAttribute("document", document);
        model.addAttribute("project", invoicing.project(cooperativeId, document.projectId()));
        model.addAttribute("overdue", document.overdueOn(today));
        model.addAttribute("creditNotes", visibility.list(cooperativeId).stream()
                .filter(d -> invoiceId.equals(d.creditsInvoiceId())).toList());
        model.addAttribute("names", profiles.names(cooperativeId));
        model.addAttribute("isTreasurer", access.holds(cooperativeId, "TREASURER"));
        model.addAttribute("isMember", access.holds(cooperativeId, "MEMBER"));
        if (!model.containsAttribute("paymentForm")) {
            model.addAttribute("paymentForm", new PaymentForm(null, today.toString()));
        }
        if (!model.containsAttribute("reviseForm")) {
            model.addAttribute("reviseForm", new ReviseForm(List.of()));
        }
        if (!model.containsAttribute("creditForm")) {
            model.addAttribute("creditForm", new CreditForm(List.of(), null, null));
        }
        return "invoicing/invoice";
    }

    @PostMapping("/approve")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String approve(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId, Model model,
                   RedirectAttributes redirect) {
        return act(cooperativeId, invoiceId, model, redirect, "approved", null, () -> {
            invoicing.approve(cooperativeId, invoiceId, rules.caller(cooperativeId), LocalDate.now(clock));
            return invoiceId;
        });
    }

    @PostMapping("/lines")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String revise(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId,
                  @ModelAttribute("reviseForm") ReviseForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        List<LineRevision> kept = new ArrayList<>();
        for (LineEdit line : form.lines() == null ? List.<LineEdit>of() : form.lines()) {
            if (line != null && line.number() != null && Boolean.TRUE.equals(line.keep())) {
                Money price = InvoiceForms.amount(errors, null, line.unitPrice(), access.cooperative(cooperativeId).currency());
                kept.add(new LineRevision(line.number(), line.description(), price));
            }
        }
        return act(cooperativeId, invoiceId, model, redirect, "revised", errors, () -> {
            invoicing.revise(cooperativeId, invoiceId, kept, rules.caller(cooperativeId), LocalDate.now(clock));
            return invoiceId;
        });
    }

    @PostMapping("/payments")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String pay(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId,
               @ModelAttribute("paymentForm") PaymentForm form, BindingResult errors, Model model,
               RedirectAttributes redirect) {
        Money amount = InvoiceForms.amount(errors, "amount", form.amount(), access.cooperative(cooperativeId).currency());
        LocalDate date = InvoiceForms.date(errors, "date", form.date());
        return act(cooperativeId, invoiceId, model, redirect, "paid", errors, () -> {
            invoicing.recordPayment(cooperativeId, invoiceId, amount, date, rules.caller(cooperativeId),
                    LocalDate.now(clock));
            return invoiceId;
        });
    }

    @PostMapping("/credit-notes")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String credit(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId,
                  @ModelAttribute("creditForm") CreditForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        boolean byLines = form.lines() != null && !form.lines().isEmpty();
        Money amount = byLines ? null
                : InvoiceForms.amount(errors, "amount", form.amount(), access.cooperative(cooperativeId).currency());
        return act(cooperativeId, invoiceId, model, redirect, "credited", errors, () ->
                invoicing.creditNote(cooperativeId, invoiceId, byLines ? form.lines() : List.of(), amount,
                        form.reason(), rules.caller(cooperativeId), LocalDate.now(clock)));
    }

    @GetMapping("/pdf")
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    ResponseEntity<byte[]> pdf(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId) {
        InvoiceView document = visibility.sent(cooperativeId, invoiceId, Refusal.INVOICE_DRAFT_NO_PDF,
                "A draft has no PDF yet: it gets one when it is approved and numbered");
        return download(document.number() + ".pdf", MediaType.APPLICATION_PDF, files.pdf(document));
    }

    @GetMapping("/ubl")
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    ResponseEntity<byte[]> ubl(@PathVariable CooperativeId cooperativeId, @PathVariable InvoiceId invoiceId) {
        InvoiceView document = visibility.sent(cooperativeId, invoiceId, Refusal.INVOICE_DRAFT_NO_UBL,
                "A draft has no UBL yet: it gets one when it is approved and numbered");
        return download(document.number() + ".xml", MediaType.APPLICATION_XML,
                files.ubl(document).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Runs a treasurer's action when the form has no field errors, and shows the resulting document
     * (a credit note's own page); a refusal is shown on this page in the reader's language.
     */
    private String act(CooperativeId cooperativeId, InvoiceId invoiceId, Model model, RedirectAttributes redirect,
                       String done, BindingResult errors, Supplier<InvoiceId> action) {
        if (errors == null || !errors.hasErrors()) {
            try {
                InvoiceId shown = action.get();
                redirect.addFlashAttribute("done", done);
                return "redirect:/cooperatives/" + cooperativeId + "/invoices/" + shown;
            } catch (RuntimeException e) {
                model.addAttribute("refusal", refusals.say(Refusals.of(e)));
            }
        }
        return invoice(cooperativeId, invoiceId, model);
    }

    private static ResponseEntity<byte[]> download(String filename, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .contentType(type)
                .body(body);
    }
}
