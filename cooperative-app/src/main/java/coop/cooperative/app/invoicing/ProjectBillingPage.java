package coop.cooperative.app.invoicing;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.pages.Refusals;
import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.LineGrouping;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
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

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What billing a project needs, for its treasurer or admin: who the invoices go to (and whether they
 * list hours per member or per skill) and the client rate of each skill.
 */
@Controller
@RequestMapping("/cooperatives/{cooperativeId}/projects/{projectId}/billing")
class ProjectBillingPage {

    private static final String TREASURER_OR_ADMIN = "@access.holds(#cooperativeId, 'TREASURER') or @access.holds(#cooperativeId, 'ADMIN')";

    private final Invoicing invoicing;
    private final CooperativeAccess access;
    private final RefusalWords refusals;

    ProjectBillingPage(Invoicing invoicing, CooperativeAccess access, RefusalWords refusals) {
        this.invoicing = invoicing;
        this.access = access;
        this.refusals = refusals;
    }

    record ClientForm(String legalName, String street, String postalCode, String city, String addressCountry,
                      String vatNumber, String countryCode, String kvkNumber, LineGrouping lineGrouping) {

        static ClientForm of(ClientDetails c) {
            Address a = c.address();
            return new ClientForm(c.legalName(), a.street(), a.postalCode(), a.city(), a.countryCode(), c.vatNumber(),
                    c.countryCode(), c.kvkNumber(), LineGrouping.orDefault(c.lineGrouping()));
        }
    }

    /** A skill's client rate; a row left without a rate sets none. */
    record RateRow(String skill, String hourlyRate, VatRate vatRate) {
    }

    record RatesForm(List<RateRow> rates) {
    }

    @GetMapping
    @PreAuthorize(TREASURER_OR_ADMIN)
    String billing(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId, Model model) {
        ProjectView project = invoicing.project(cooperativeId, projectId);
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        model.addAttribute("project", project);
        if (!model.containsAttribute("clientForm")) {
            model.addAttribute("clientForm", invoicing.clientDetails(cooperativeId, projectId).map(ClientForm::of)
                    .orElse(new ClientForm(project.client(), null, null, null, "NL", null, "NL", null, LineGrouping.MEMBER)));
        }
        if (!model.containsAttribute("ratesForm")) {
            model.addAttribute("ratesForm", new RatesForm(rows(project, invoicing.clientRates(cooperativeId, projectId))));
        }
        model.addAttribute("vatRates", List.of(VatRate.STANDARD, VatRate.REDUCED, VatRate.ZERO));
        model.addAttribute("lineGroupings", LineGrouping.values());
        return "invoicing/billing";
    }

    /** A row per skill the project plans or has a rate for, its rate filled in when it has one. */
    private static List<RateRow> rows(ProjectView project, List<ClientRate> rates) {
        Map<String, RateRow> rows = new LinkedHashMap<>();
        project.requiredSkills().forEach(s -> rows.put(s.skill(), new RateRow(s.skill(), null, VatRate.STANDARD)));
        rates.forEach(r -> rows.put(r.skill(), new RateRow(r.skill(), r.hourlyRate().amount().toPlainString(), r.vatRate())));
        List<RateRow> all = new ArrayList<>(rows.values());
        all.add(new RateRow(null, null, VatRate.STANDARD));
        return all;
    }

    @PostMapping("/client")
    @PreAuthorize(TREASURER_OR_ADMIN)
    String saveClient(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                      @ModelAttribute("clientForm") ClientForm form, BindingResult errors, Model model,
                      RedirectAttributes redirect) {
        try {
            invoicing.setClientDetails(cooperativeId, projectId, new ClientDetails(form.legalName(),
                    new Address(form.street(), form.postalCode(), form.city(), form.addressCountry()),
                    form.vatNumber(), form.countryCode(), form.kvkNumber(), form.lineGrouping()));
            redirect.addFlashAttribute("saved", "client");
            return "redirect:/cooperatives/" + cooperativeId + "/projects/" + projectId + "/billing";
        } catch (RuntimeException e) {
            errors.reject("refused", refusals.say(Refusals.of(e)));
        }
        return billing(cooperativeId, projectId, model);
    }

    @PostMapping("/rates")
    @PreAuthorize(TREASURER_OR_ADMIN)
    String saveRates(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                     @ModelAttribute("ratesForm") RatesForm form, BindingResult errors, Model model,
                     RedirectAttributes redirect) {
        Currency currency = access.cooperative(cooperativeId).currency();
        List<ClientRate> rates = new ArrayList<>();
        for (RateRow row : form.rates() == null ? List.<RateRow>of() : form.rates()) {
            if (row == null || row.hourlyRate() == null || row.hourlyRate().isBlank()) {
                continue;
            }
            Money rate = InvoiceForms.amount(errors, null, row.hourlyRate(), currency);
            rates.add(new ClientRate(row.skill() == null ? null : row.skill().strip(), rate, row.vatRate()));
        }
        if (!errors.hasErrors()) {
            try {
                invoicing.setClientRates(cooperativeId, projectId, rates);
                redirect.addFlashAttribute("saved", "rates");
                return "redirect:/cooperatives/" + cooperativeId + "/projects/" + projectId + "/billing";
            } catch (RuntimeException e) {
                errors.reject("refused", refusals.say(Refusals.of(e)));
            }
        }
        return billing(cooperativeId, projectId, model);
    }
}
