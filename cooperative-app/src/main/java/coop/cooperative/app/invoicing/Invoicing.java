package coop.cooperative.app.invoicing;

import coop.cooperative.core.shared.Refusal;
import coop.cooperative.app.axon.AuditMetadata;
import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.hours.api.HoursCommands.MarkHoursBilled;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.InvoicingCommands.ApproveInvoice;
import coop.cooperative.core.invoicing.api.InvoicingCommands.DraftInvoice;
import coop.cooperative.core.invoicing.api.InvoicingCommands.FixedAmount;
import coop.cooperative.core.invoicing.api.InvoicingCommands.IssueCreditNote;
import coop.cooperative.core.invoicing.api.InvoicingCommands.LineRevision;
import coop.cooperative.core.invoicing.api.InvoicingCommands.RecordInvoicePayment;
import coop.cooperative.core.invoicing.api.InvoicingCommands.ReviseDraftInvoice;
import coop.cooperative.core.invoicing.api.InvoicingCommands.SetClientDetails;
import coop.cooperative.core.invoicing.api.InvoicingCommands.SetClientRates;
import coop.cooperative.core.invoicing.api.InvoicingCommands.SetInvoicingDetails;
import coop.cooperative.core.invoicing.api.InvoicingCommands.TakeInvoiceNumber;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.invoicing.InvoicingQueries.BilledHours;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindBilledHours;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindClientDetails;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindClientRates;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindEarnings;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindInvoice;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindInvoices;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindInvoicingDetails;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import coop.cooperative.projections.invoicing.InvoicingQueries.MonthlyEarnings;
import coop.cooperative.projections.projects.ProjectQueries.FindProject;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends invoicing's commands with what the aggregates cannot look up themselves (the unbilled
 * hours with each member's skill and rate, the treasurers, the cooperative's and the client's
 * details), and reads its views. Controllers and pages call only this.
 * <p>
 * Approving and crediting take a number of the year's gapless sequence: the number, the document
 * that uses it and (for an invoice) its hours marked billed are stored in one database transaction,
 * sent through a gateway that never retries on its own (a retry would run on another thread, outside
 * the transaction). When another approval took the same number first, the whole transaction is
 * rolled back and run again, so a number is spent exactly when its document is stored.
 */
@Service
public class Invoicing {

    private static final int NUMBERING_ATTEMPTS = 20;

    private final CommandGateway commands;
    private final CommandGateway inTransaction;
    private final QueryGateway queries;
    private final BookRules rules;
    private final TransactionTemplate transactions;
    private final ObjectProvider<ProjectionCatchUp> views;
    private final CooperativeAccess access;
    private final HoursToBill hoursToBill;

    Invoicing(CommandGateway commands, CommandBus commandBus, QueryGateway queries, BookRules rules,
              TransactionTemplate transactions, ObjectProvider<ProjectionCatchUp> views, CooperativeAccess access,
              HoursToBill hoursToBill) {
        this.access = access;
        this.hoursToBill = hoursToBill;
        this.commands = commands;
        this.inTransaction = DefaultCommandGateway.builder().commandBus(commandBus)
                .dispatchInterceptors(new AuditMetadata()).build();
        this.queries = queries;
        this.rules = rules;
        this.transactions = transactions;
        this.views = views;
    }

    public void setDetails(CooperativeId cooperativeId, InvoicingDetails details, MemberId setBy, LocalDate today) {
        commands.sendAndWait(new SetInvoicingDetails(cooperativeId, details, setBy, today));
    }

    public void setClientRates(CooperativeId cooperativeId, ProjectId projectId, List<ClientRate> rates) {
        project(cooperativeId, projectId);
        commands.sendAndWait(new SetClientRates(cooperativeId, projectId, rates));
    }

    public void setClientDetails(CooperativeId cooperativeId, ProjectId projectId, ClientDetails client) {
        project(cooperativeId, projectId);
        commands.sendAndWait(new SetClientDetails(cooperativeId, projectId, client));
    }

    /**
     * Drafts an invoice from the project's PROJECT hours in the period that are on no invoice yet,
     * its lines grouped and worded as the client's details ask.
     */
    public InvoiceId draftFromHours(CooperativeId cooperativeId, ProjectId projectId, LocalDate from, LocalDate to,
                                    MemberId draftedBy, LocalDate today) {
        project(cooperativeId, projectId);
        Optional<ClientDetails> client = clientDetails(cooperativeId, projectId);
        InvoiceId invoiceId = InvoiceId.random();
        commands.sendAndWait(new DraftInvoice(invoiceId, cooperativeId, projectId, currency(cooperativeId), from, to,
                hoursToBill.unbilled(cooperativeId, projectId, from, to), clientRates(cooperativeId, projectId), null,
                client.map(ClientDetails::reverseCharge).orElse(false), client.map(ClientDetails::lineGrouping).orElse(null),
                hoursToBill.hoursWord(client), draftedBy, today));
        return invoiceId;
    }

    /** Drafts an invoice for a fixed amount (a milestone) over the period. */
    public InvoiceId draftFixed(CooperativeId cooperativeId, ProjectId projectId, LocalDate from, LocalDate to,
                                FixedAmount amount, MemberId draftedBy, LocalDate today) {
        project(cooperativeId, projectId);
        InvoiceId invoiceId = InvoiceId.random();
        commands.sendAndWait(new DraftInvoice(invoiceId, cooperativeId, projectId, currency(cooperativeId), from, to,
                List.of(), List.of(), amount, reverseCharge(cooperativeId, projectId), draftedBy, today));
        return invoiceId;
    }

    public void revise(CooperativeId cooperativeId, InvoiceId invoiceId, List<LineRevision> lines, MemberId revisedBy,
                       LocalDate today) {
        find(cooperativeId, invoiceId);
        commands.sendAndWait(new ReviseDraftInvoice(invoiceId, cooperativeId, lines, revisedBy, today));
    }

    /**
     * Approves a draft: takes the next number of the year, sends the invoice, and marks its hours
     * billed in their timesheets, all in one transaction (see the class comment).
     */
    public void approve(CooperativeId cooperativeId, InvoiceId invoiceId, MemberId approver, LocalDate today) {
        InvoiceView draft = find(cooperativeId, invoiceId);
        Set<MemberId> treasurers = BookRules.holding(rules.members(cooperativeId), Role.TREASURER);
        InvoicingDetails seller = details(cooperativeId).orElse(null);
        ClientDetails buyer = clientDetails(cooperativeId, draft.projectId()).orElse(null);
        Map<String, List<EntryId>> billed = billedPerTimesheet(draft);
        numbered(() -> {
            String number = inTransaction.sendAndWait(new TakeInvoiceNumber(cooperativeId, today.getYear(), invoiceId));
            inTransaction.sendAndWait(new ApproveInvoice(invoiceId, cooperativeId, number, approver, today, treasurers,
                    seller, buyer));
            billed.forEach((timesheet, entries) -> {
                String[] memberAndMonth = timesheet.split("/");
                inTransaction.sendAndWait(new MarkHoursBilled(MemberId.of(memberAndMonth[0]),
                        YearMonth.parse(memberAndMonth[1]), entries, invoiceId.value()));
            });
        });
    }

    public void recordPayment(CooperativeId cooperativeId, InvoiceId invoiceId, Money amount, LocalDate date,
                              MemberId recordedBy, LocalDate today) {
        find(cooperativeId, invoiceId);
        commands.sendAndWait(new RecordInvoicePayment(invoiceId, cooperativeId, amount, date, recordedBy, today));
    }

    /** Issues a credit note (for whole {@code lines}, or an {@code amount} excluding VAT) with the next number. */
    public InvoiceId creditNote(CooperativeId cooperativeId, InvoiceId invoiceId, List<Integer> lines, Money amount,
                                String reason, MemberId issuedBy, LocalDate today) {
        find(cooperativeId, invoiceId);
        InvoiceId creditNoteId = InvoiceId.random();
        numbered(() -> {
            String number = inTransaction.sendAndWait(new TakeInvoiceNumber(cooperativeId, today.getYear(), creditNoteId));
            inTransaction.sendAndWait(new IssueCreditNote(invoiceId, cooperativeId, creditNoteId, number, lines, amount,
                    reason, issuedBy, today));
        });
        return creditNoteId;
    }

    /**
     * Runs {@code work} in one transaction, again from the start when another node or thread took
     * the same number first (the event store refused the second append), then waits until the views
     * show it.
     */
    private void numbered(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> work.run());
                break;
            } catch (RuntimeException e) {
                if (attempt == NUMBERING_ATTEMPTS || !lostTheRace(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
        views.getObject().await();
    }

    private static boolean lostTheRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // the year's first number: both created the sequence's stream, and the store kept one
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException
                    || cause instanceof DataIntegrityViolationException) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause that grows with the attempts, so racing approvals spread out. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 10L + 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while numbering an invoice", e);
        }
    }

    /** The draft's hours entries per timesheet ("memberId/yyyy-MM"), to mark billed. */
    private Map<String, List<EntryId>> billedPerTimesheet(InvoiceView draft) {
        Map<String, List<EntryId>> perTimesheet = new TreeMap<>();
        queries.query(new FindBilledHours(draft.invoiceId()), ResponseTypes.multipleInstancesOf(BilledHours.class)).join()
                .forEach(entry -> perTimesheet.computeIfAbsent(entry.memberId() + "/" + YearMonth.from(entry.date()),
                        t -> new ArrayList<>()).add(entry.entryId()));
        return perTimesheet;
    }

    public InvoiceView find(CooperativeId cooperativeId, InvoiceId invoiceId) {
        return queries.query(new FindInvoice(cooperativeId, invoiceId), ResponseTypes.optionalInstanceOf(InvoiceView.class))
                .join()
                .orElseThrow(() -> new NotFound(Refusal.INVOICE_NOT_FOUND, "No invoice " + invoiceId + " in this cooperative", invoiceId));
    }

    /** Every invoice and credit note of the cooperative, or of {@code projects} only (null: all). */
    public List<InvoiceView> list(CooperativeId cooperativeId, Set<ProjectId> projects) {
        return queries.query(new FindInvoices(cooperativeId, projects), ResponseTypes.multipleInstancesOf(InvoiceView.class))
                .join();
    }

    public Optional<InvoicingDetails> details(CooperativeId cooperativeId) {
        return queries.query(new FindInvoicingDetails(cooperativeId), ResponseTypes.optionalInstanceOf(InvoicingDetails.class))
                .join();
    }

    public List<ClientRate> clientRates(CooperativeId cooperativeId, ProjectId projectId) {
        return queries.query(new FindClientRates(cooperativeId, projectId), ResponseTypes.multipleInstancesOf(ClientRate.class))
                .join();
    }

    public Optional<ClientDetails> clientDetails(CooperativeId cooperativeId, ProjectId projectId) {
        return queries.query(new FindClientDetails(cooperativeId, projectId),
                ResponseTypes.optionalInstanceOf(ClientDetails.class)).join();
    }

    public List<MonthlyEarnings> earnings(CooperativeId cooperativeId, MemberId memberId) {
        return queries.query(new FindEarnings(cooperativeId, memberId), ResponseTypes.multipleInstancesOf(MonthlyEarnings.class))
                .join();
    }

    /** The project, refused as unknown when it is not the cooperative's. */
    public ProjectView project(CooperativeId cooperativeId, ProjectId projectId) {
        return queries.query(new FindProject(projectId), ResponseTypes.optionalInstanceOf(ProjectView.class)).join()
                .filter(p -> p.cooperativeId().equals(cooperativeId))
                .orElseThrow(() -> new NotFound(Refusal.PROJECT_NOT_FOUND, "No project " + projectId + " in this cooperative", projectId));
    }

    private boolean reverseCharge(CooperativeId cooperativeId, ProjectId projectId) {
        return clientDetails(cooperativeId, projectId).map(ClientDetails::reverseCharge).orElse(false);
    }

    private Currency currency(CooperativeId cooperativeId) {
        return access.cooperative(cooperativeId).currency();
    }
}
