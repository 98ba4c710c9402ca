package coop.cooperative.app.invoicing;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.core.invoicing.Quote;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import org.springframework.stereotype.Service;

/** A planned project's quote (and its PDF), from its required skills, its dates, its client rates and whether VAT is reverse charged. */
@Service
public class Quotes {

    private final Invoicing invoicing;
    private final CooperativeAccess access;
    private final InvoicePdf pdf;

    Quotes(Invoicing invoicing, CooperativeAccess access, InvoicePdf pdf) {
        this.invoicing = invoicing;
        this.access = access;
        this.pdf = pdf;
    }

    public Quote of(CooperativeId cooperativeId, ProjectId projectId) {
        ProjectView project = invoicing.project(cooperativeId, projectId);
        boolean reverseCharge = invoicing.clientDetails(cooperativeId, projectId).map(ClientDetails::reverseCharge)
                .orElse(false);
        return Quote.of(project.requiredSkills(), project.start(), project.end(),
                invoicing.clientRates(cooperativeId, projectId), reverseCharge,
                access.cooperative(cooperativeId).currency());
    }

    /** The quote as the PDF the admin sends the client, with the cooperative's details once they are set. */
    public byte[] pdf(CooperativeId cooperativeId, ProjectId projectId) {
        return pdf.render(of(cooperativeId, projectId), invoicing.project(cooperativeId, projectId),
                invoicing.details(cooperativeId).orElse(null));
    }
}
