package coop.cooperative.core.invoicing;

import coop.cooperative.core.shared.Refusal;
import coop.cooperative.core.invoicing.api.InvoicingCommands;
import coop.cooperative.core.invoicing.api.InvoicingCommands.SetInvoicingDetails;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.invoicing.api.InvoicingDetailsSet;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The cooperative as its invoices present it (legal name, address, VAT and KvK numbers, IBAN) and
 * its invoicing policy (fee, payment term). One per cooperative ({@link InvoicingCommands#profileOf}).
 */
public class InvoicingProfile {

    private static final Pattern KVK = Pattern.compile("[0-9]{8}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @AggregateIdentifier
    private String profileId;

    protected InvoicingProfile() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetInvoicingDetails command) {
        InvoicingDetails details = command.details();
        if (details == null) {
            throw new RuleViolation(Refusal.INVOICING_DETAILS_REQUIRED, "Invoicing details are required");
        }
        String vatNumber = Parties.optionalVatNumber(details.vatNumber(), "vatNumber");
        if (vatNumber == null) {
            throw new RuleViolation(Refusal.INVOICING_VAT_NUMBER_REQUIRED, "vatNumber is required: every invoice carries the cooperative's VAT number");
        }
        String kvk = details.kvkNumber() == null ? "" : details.kvkNumber().strip();
        if (!KVK.matcher(kvk).matches()) {
            throw new RuleViolation(Refusal.INVOICING_KVK_NUMBER, "kvkNumber must be the eight digits of the KvK number");
        }
        BigDecimal fee = details.feePercent() == null ? InvoicingDetails.DEFAULT_FEE_PERCENT : details.feePercent();
        if (fee.signum() < 0 || fee.compareTo(HUNDRED) > 0 || fee.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation(Refusal.INVOICING_FEE_PERCENT, "feePercent must be from 0 to 100, with at most two decimals");
        }
        if (details.paymentTermDays() < 0 || details.paymentTermDays() > 365) {
            throw new RuleViolation(Refusal.INVOICING_PAYMENT_TERM_DAYS, "paymentTermDays must be from 0 to 365");
        }
        apply(new InvoicingDetailsSet(command.cooperativeId(), new InvoicingDetails(
                Parties.requireText(details.legalName(), "legalName", 200),
                Parties.requireAddress(details.address(), "address"), vatNumber, kvk, requireIban(details.iban()),
                fee.stripTrailingZeros().scale() < 0 ? fee.setScale(0) : fee.stripTrailingZeros(),
                details.paymentTermDays()), command.setBy(), command.setOn()));
    }

    /** An IBAN without spaces, its check digits right (ISO 13616: the number mod 97 is 1). */
    static String requireIban(String iban) {
        String compact = iban == null ? "" : iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!IBAN.matcher(compact).matches()) {
            throw new RuleViolation(Refusal.INVOICING_IBAN, "iban must be an IBAN such as NL91ABNA0417164300");
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        rearranged.chars().forEach(c -> digits.append(Character.getNumericValue(c)));
        if (!new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).equals(BigInteger.ONE)) {
            throw new RuleViolation(Refusal.INVOICING_IBAN, "iban must be an IBAN such as NL91ABNA0417164300");
        }
        return compact;
    }

    @EventSourcingHandler
    void on(InvoicingDetailsSet event) {
        profileId = InvoicingCommands.profileOf(event.cooperativeId());
    }
}
