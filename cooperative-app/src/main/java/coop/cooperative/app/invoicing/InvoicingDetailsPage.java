package coop.cooperative.app.invoicing;

import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.pages.Refusals;
import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.shared.CooperativeId;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/** The admin's form for what every invoice says about the cooperative, and its fee and payment term. */
@Controller
@RequestMapping("/cooperatives/{cooperativeId}/invoicing-details")
class InvoicingDetailsPage {

    private final Invoicing invoicing;
    private final CooperativeAccess access;
    private final BookRules rules;
    private final RefusalWords refusals;
    private final Clock clock;

    InvoicingDetailsPage(Invoicing invoicing, CooperativeAccess access, BookRules rules, RefusalWords refusals,
                         Clock clock) {
        this.invoicing = invoicing;
        this.access = access;
        this.rules = rules;
        this.refusals = refusals;
        this.clock = clock;
    }

    record DetailsForm(String legalName, String street, String postalCode, String city, String countryCode,
                       String vatNumber, String kvkNumber, String iban, String feePercent, String paymentTermDays) {

        static DetailsForm of(InvoicingDetails d) {
            Address a = d.address();
            return new DetailsForm(d.legalName(), a.street(), a.postalCode(), a.city(), a.countryCode(), d.vatNumber(),
                    d.kvkNumber(), d.iban(), d.feePercent().toPlainString(), String.valueOf(d.paymentTermDays()));
        }
    }

    @GetMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    String details(@PathVariable CooperativeId cooperativeId, Model model) {
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        if (!model.containsAttribute("detailsForm")) {
            model.addAttribute("detailsForm", invoicing.details(cooperativeId).map(DetailsForm::of)
                    .orElse(new DetailsForm(null, null, null, null, "NL", null, null, null,
                            InvoicingDetails.DEFAULT_FEE_PERCENT.toPlainString(), "30")));
        }
        return "invoicing/details";
    }

    @PostMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    String save(@PathVariable CooperativeId cooperativeId, @ModelAttribute("detailsForm") DetailsForm form,
                BindingResult errors, Model model, RedirectAttributes redirect) {
        BigDecimal fee = number(errors, "feePercent", form.feePercent());
        BigDecimal term = number(errors, "paymentTermDays", form.paymentTermDays());
        if (term != null && (term.scale() > 0 || term.abs().compareTo(BigDecimal.valueOf(365)) > 0)) {
            errors.rejectValue("paymentTermDays", "invoicing.field.numberInvalid");
        }
        if (!errors.hasErrors()) {
            try {
                invoicing.setDetails(cooperativeId, new InvoicingDetails(form.legalName(),
                        new Address(form.street(), form.postalCode(), form.city(), form.countryCode()),
                        form.vatNumber(), form.kvkNumber(), form.iban(), fee, term.intValueExact()),
                        rules.caller(cooperativeId), LocalDate.now(clock));
                redirect.addFlashAttribute("saved", true);
                return "redirect:/cooperatives/" + cooperativeId + "/invoicing-details";
            } catch (RuntimeException e) {
                errors.reject("refused", refusals.say(Refusals.of(e)));
            }
        }
        return details(cooperativeId, model);
    }

    private static BigDecimal number(BindingResult errors, String field, String text) {
        try {
            return new BigDecimal(text == null ? "" : text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "invoicing.field.numberInvalid");
            return null;
        }
    }
}
