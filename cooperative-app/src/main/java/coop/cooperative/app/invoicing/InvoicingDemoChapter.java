package coop.cooperative.app.invoicing;

import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.demo.DemoChapter;
import coop.cooperative.app.demo.DemoContext;
import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.invoicing.api.LineGrouping;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import coop.cooperative.projections.projects.ProjectQueries.FindProjects;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/**
 * The demo's invoices: the cooperative's invoicing details, each project's client rates and client,
 * and for each of the six months before this one an invoice per project from its hours, drafted by
 * Sanne and approved by Pieter (four eyes) on the first open day after the month; the clients pay
 * two weeks later, but for one invoice, which is overdue, and the last month's, which are not due
 * yet; one invoice is partly credited. Runs after the hours are in (the projects' chapter).
 */
@Component
@Profile("demo")
@Order(30)
class InvoicingDemoChapter implements DemoChapter {

    private static final Logger log = LoggerFactory.getLogger(InvoicingDemoChapter.class);
    private static final Currency EUR = Currency.getInstance("EUR");

    private final Invoicing invoicing;
    private final QueryGateway queries;
    private final ProjectionCatchUp views;
    private final Clock clock;

    InvoicingDemoChapter(Invoicing invoicing, QueryGateway queries, ProjectionCatchUp views, Clock clock) {
        this.invoicing = invoicing;
        this.queries = queries;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public void seed(DemoContext demo) {
        LocalDate today = LocalDate.now(clock);
        CooperativeId gilde = demo.cooperativeId();
        MemberId sanne = demo.member("Sanne Jansen");
        MemberId pieter = demo.member("Pieter de Boer");
        invoicing.setDetails(gilde, new InvoicingDetails("De Gilde U.A.", new Address("Oudegracht 100", "3511 AX",
                "Utrecht", "NL"), "NL862637223B01", "81234567", "NL91ABNA0417164300", new BigDecimal("5"), 30), sanne, today);
        views.await();
        List<ProjectView> projects = queries.query(new FindProjects(gilde), ResponseTypes.multipleInstancesOf(ProjectView.class))
                .join();
        for (ProjectView project : projects) {
            invoicing.setClientRates(gilde, project.projectId(), project.requiredSkills().stream()
                    .map(RequiredSkill::skill).distinct()
                    .map(skill -> new ClientRate(skill, Money.of("95.00", EUR), VatRate.STANDARD)).toList());
            // the first project's client wants its invoices per skill, the others per member
            invoicing.setClientDetails(gilde, project.projectId(), new ClientDetails(project.client(),
                    new Address("Postbus 16200", "3500 CE", "Utrecht", "NL"), null, "NL", "30280353",
                    project.equals(projects.get(0)) ? LineGrouping.SKILL : LineGrouping.MEMBER));
        }
        views.await();
        // The first two of the six months are closed by the books' chapter: their invoices go out after them.
        LocalDate firstOpen = YearMonth.from(today).minusMonths(4).atDay(1);
        int invoices = 0;
        InvoiceView overdue = null;
        InvoiceView credited = null;
        for (int back = 6; back >= 1; back--) {
            YearMonth month = YearMonth.from(today).minusMonths(back);
            LocalDate issued = month.plusMonths(1).atDay(1);
            issued = issued.isBefore(firstOpen) ? firstOpen : issued;
            for (ProjectView project : projects) {
                InvoiceId invoiceId;
                try {
                    invoiceId = invoicing.draftFromHours(gilde, project.projectId(), month.atDay(1), month.atEndOfMonth(),
                            sanne, issued);
                } catch (DomainException nothingToBill) {
                    continue; // no hours of this project that month
                }
                views.await();
                invoicing.approve(gilde, invoiceId, pieter, issued);
                InvoiceView sent = invoicing.find(gilde, invoiceId);
                invoices++;
                LocalDate paidOn = issued.plusDays(14);
                if (overdue == null && back == 3) {
                    overdue = sent; // this client has not paid: overdue
                } else if (!paidOn.isAfter(today) && back > 1) {
                    if (credited == null && back == 2) {
                        credited = sent;
                        invoicing.creditNote(gilde, invoiceId, List.of(), Money.of("100.00", EUR),
                                "Kick-off meeting billed twice", pieter, issued.plusDays(3));
                        views.await();
                        sent = invoicing.find(gilde, invoiceId);
                    }
                    invoicing.recordPayment(gilde, invoiceId, sent.outstanding(), paidOn, pieter, today);
                }
            }
        }
        views.await();
        log.info("Demo invoices: {} invoices, one overdue ({}), one credited ({})", invoices,
                overdue == null ? "none" : overdue.number(), credited == null ? "none" : credited.number());
    }
}
