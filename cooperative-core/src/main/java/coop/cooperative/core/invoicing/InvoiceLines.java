package coop.cooperative.core.invoicing;

import coop.cooperative.core.shared.Refusal;
import coop.cooperative.core.invoicing.api.BillableHours;
import coop.cooperative.core.invoicing.api.BilledEntry;
import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.InvoiceLine;
import coop.cooperative.core.invoicing.api.InvoicingCommands.FixedAmount;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lines of a draft: one per member and skill, their hours added up and billed at the skill's
 * client rate (so each line has one member, and what it earns them is plain); or one line for a
 * fixed amount. Lines are numbered from 1 in the order of member and skill.
 */
final class InvoiceLines {

    private InvoiceLines() {
    }

    /** The lines for hours that all lie from {@code from} to {@code to}, the invoice's period. */
    static List<InvoiceLine> fromHours(List<BillableHours> hours, LocalDate from, LocalDate to, List<ClientRate> rates,
                                       boolean reverseCharge) {
        for (BillableHours entry : hours) {
            if (entry.date().isBefore(from) || entry.date().isAfter(to)) {
                throw new RuleViolation(Refusal.INVOICE_HOURS_OUTSIDE_PERIOD, "Hours of " + entry.date()
                        + " lie outside the invoice's period", entry.date());
            }
        }
        Map<String, ClientRate> rateOf = rates.stream().collect(Collectors.toMap(ClientRate::skill, Function.identity()));
        Map<MemberId, Map<String, List<BillableHours>>> grouped = new TreeMap<>();
        for (BillableHours entry : hours) {
            if (!rateOf.containsKey(entry.skill())) {
                throw new RuleViolation(Refusal.INVOICE_NO_RATE, "The project has no client rate for the skill " + entry.skill(),
                        entry.skill());
            }
            grouped.computeIfAbsent(entry.memberId(), m -> new TreeMap<>())
                    .computeIfAbsent(entry.skill(), s -> new ArrayList<>()).add(entry);
        }
        List<InvoiceLine> lines = new ArrayList<>();
        grouped.forEach((member, perSkill) -> perSkill.forEach((skill, entries) -> {
            ClientRate rate = rateOf.get(skill);
            BigDecimal quantity = entries.stream().map(BillableHours::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<BilledEntry> billed = entries.stream()
                    .sorted(Comparator.comparing(BillableHours::date).thenComparing(e -> e.entryId().value()))
                    .map(e -> new BilledEntry(e.entryId(), e.date(), e.hours())).toList();
            lines.add(new InvoiceLine(lines.size() + 1, "Hours " + skill, member, skill, quantity, rate.hourlyRate(),
                    reverseCharge ? VatRate.REVERSE_CHARGE : rate.vatRate(),
                    InvoiceArithmetic.times(quantity, rate.hourlyRate()), entries.get(0).memberRate(), billed));
        }));
        return lines;
    }

    static List<InvoiceLine> fixed(FixedAmount fixed, boolean reverseCharge) {
        Money amount = fixed.amount();
        return List.of(new InvoiceLine(1, fixed.description().strip(), null, null, BigDecimal.ONE, amount,
                reverseCharge ? VatRate.REVERSE_CHARGE : fixed.vatRate(), amount, null, List.of()));
    }
}
