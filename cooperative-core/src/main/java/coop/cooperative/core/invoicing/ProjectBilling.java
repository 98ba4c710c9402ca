package coop.cooperative.core.invoicing;

import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.ClientDetailsSet;
import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.ClientRatesSet;
import coop.cooperative.core.invoicing.api.InvoicingCommands.SetClientDetails;
import coop.cooperative.core.invoicing.api.InvoicingCommands.SetClientRates;
import coop.cooperative.core.invoicing.api.InvoicingCommands;
import coop.cooperative.core.invoicing.api.LineGrouping;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What billing a project needs beside the project itself: the client rate per skill and who the
 * invoices go to. One per project, ({@link InvoicingCommands#billingOf}), so the project's own history stays
 * about planning and the team.
 */
public class ProjectBilling {

    @AggregateIdentifier
    private String billingId;
    private CooperativeId cooperativeId;

    protected ProjectBilling() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetClientRates command) {
        requireSameCooperative(command.cooperativeId());
        if (command.rates() == null || command.rates().isEmpty()) {
            throw new RuleViolation(Refusal.INVOICING_RATES, "rates needs at least one skill with its hourly rate");
        }
        Set<String> skills = new HashSet<>();
        List<ClientRate> rates = new ArrayList<>();
        for (ClientRate rate : command.rates()) {
            String skill = Parties.requireText(rate.skill(), "skill", 100);
            if (!skills.add(skill)) {
                throw new RuleViolation(Refusal.INVOICING_RATE_TWICE, "The skill " + skill + " has two rates", skill);
            }
            Money hourly = rate.hourlyRate();
            if (hourly == null || !hourly.isPositive() || hourly.amount().compareTo(Money.MAXIMUM) > 0) {
                throw new RuleViolation(Refusal.INVOICING_HOURLY_RATE, "An hourly rate must be more than zero");
            }
            rates.add(new ClientRate(skill, hourly, rate.vatRate() == null ? VatRate.STANDARD : rate.vatRate()));
        }
        apply(new ClientRatesSet(command.cooperativeId(), command.projectId(), rates));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetClientDetails command) {
        requireSameCooperative(command.cooperativeId());
        ClientDetails client = command.client();
        if (client == null) {
            throw new RuleViolation(Refusal.INVOICING_CLIENT_DETAILS_REQUIRED, "Client details are required");
        }
        String country = Parties.requireCountry(client.countryCode(), "countryCode");
        String kvk = client.kvkNumber() == null || client.kvkNumber().isBlank() ? null : client.kvkNumber().strip();
        if ("NL".equals(country) ? kvk == null || !kvk.matches("[0-9]{8}") : kvk != null) {
            throw new RuleViolation(Refusal.INVOICING_CLIENT_KVK_NUMBER, "kvkNumber: a Dutch client's eight-digit KvK number"
                    + " (an SI-UBL invoice to a Dutch client names it), and none for a client abroad");
        }
        apply(new ClientDetailsSet(command.cooperativeId(), command.projectId(), new ClientDetails(
                Parties.requireText(client.legalName(), "legalName", 200),
                Parties.requireAddress(client.address(), "address"),
                Parties.optionalVatNumber(client.vatNumber(), "vatNumber"), country, kvk,
                LineGrouping.orDefault(client.lineGrouping()))));
    }

    @EventSourcingHandler
    void on(ClientRatesSet event) {
        billingId = InvoicingCommands.billingOf(event.projectId());
        cooperativeId = event.cooperativeId();
    }

    @EventSourcingHandler
    void on(ClientDetailsSet event) {
        billingId = InvoicingCommands.billingOf(event.projectId());
        cooperativeId = event.cooperativeId();
    }

    private void requireSameCooperative(CooperativeId other) {
        if (cooperativeId != null && !Objects.equals(cooperativeId, other)) {
            throw new NotFound(Refusal.PROJECT_NOT_FOUND, "No project " + billingId + " in this cooperative", billingId);
        }
    }
}
