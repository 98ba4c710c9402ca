package coop.cooperative.core.invoicing;

import coop.cooperative.core.shared.Refusal;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.InvoiceNumberTaken;
import coop.cooperative.core.invoicing.api.InvoicingCommands.TakeInvoiceNumber;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The gapless sequence of a cooperative's invoice and credit-note numbers in one year. Each number
 * is an event of this aggregate, so two approvals that take a number at once both append the same
 * sequence number to its stream and the event store lets only one commit: the other retries and
 * gets the next. The sender takes the number in the same database transaction as the approval
 * that uses it, so a number is spent exactly when the approval is stored: never skipped, never
 * given twice.
 */
public class InvoiceNumbers {

    @AggregateIdentifier
    private String numbersId;
    private int last;
    private final Map<InvoiceId, String> given = new HashMap<>();

    protected InvoiceNumbers() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(TakeInvoiceNumber command) {
        String already = given.get(command.documentId());
        if (already != null) {
            return already; // a retry of the same document: the number it was given
        }
        if (command.year() < 2000 || command.year() > 2099) {
            throw new RuleViolation(Refusal.INVOICE_YEAR_RANGE, "An invoice's year lies from 2000 to 2099");
        }
        int next = last + 1;
        String number = format(command.year(), next);
        apply(new InvoiceNumberTaken(command.cooperativeId(), command.year(), next, number, command.documentId()));
        return number;
    }

    /** "2026-0001": the year, a dash and the sequence in (at least) four digits. */
    public static String format(int year, int sequence) {
        return String.format("%d-%04d", year, sequence);
    }

    @EventSourcingHandler
    void on(InvoiceNumberTaken event) {
        numbersId = event.cooperativeId() + "/" + event.year();
        last = event.sequence();
        given.put(event.documentId(), event.number());
    }
}
