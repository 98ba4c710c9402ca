package coop.cooperative.app.invoicing;

import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.projects.ProjectClients;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.invoicing.InvoicingQueries.DocumentStatus;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Set;

/**
 * Who sees which invoices, the one rule the API and the pages share: a treasurer or admin sees every
 * draft and sent document; a client sees the sent documents of their own projects, and for anything
 * else the same "no such invoice" as for an id that does not exist.
 */
@Service
public class InvoiceVisibility {

    private final Invoicing invoicing;
    private final BookRules rules;
    private final ProjectClients clients;

    InvoiceVisibility(Invoicing invoicing, BookRules rules, ProjectClients clients) {
        this.invoicing = invoicing;
        this.rules = rules;
        this.clients = clients;
    }

    /** Whether the caller sees every document of the cooperative (treasurer or admin). */
    public boolean seesAll(CooperativeId cooperativeId) {
        return rules.callerHolds(cooperativeId, Role.TREASURER) || rules.callerHolds(cooperativeId, Role.ADMIN);
    }

    /** The documents the caller may see, newest first. */
    public List<InvoiceView> list(CooperativeId cooperativeId) {
        if (seesAll(cooperativeId)) {
            return invoicing.list(cooperativeId, null);
        }
        Set<ProjectId> own = clients.projectsOf(cooperativeId);
        if (own.isEmpty()) {
            return List.of();
        }
        return invoicing.list(cooperativeId, own).stream().filter(i -> i.status() == DocumentStatus.SENT).toList();
    }

    /** A document the caller may see; refused as unknown otherwise. */
    public InvoiceView find(CooperativeId cooperativeId, InvoiceId invoiceId) {
        InvoiceView view = invoicing.find(cooperativeId, invoiceId);
        if (seesAll(cooperativeId)) {
            return view;
        }
        if (view.status() != DocumentStatus.SENT || !clients.projectsOf(cooperativeId).contains(view.projectId())) {
            throw new NotFound(Refusal.INVOICE_NOT_FOUND, "No invoice " + invoiceId + " in this cooperative", invoiceId);
        }
        return view;
    }

    /** A sent document the caller may see, for its PDF or UBL: a draft has neither yet. */
    public InvoiceView sent(CooperativeId cooperativeId, InvoiceId invoiceId, Refusal draftRefusal, String rule) {
        InvoiceView document = find(cooperativeId, invoiceId);
        if (document.status() != DocumentStatus.SENT) {
            throw new RuleViolation(draftRefusal, rule);
        }
        return document;
    }
}
