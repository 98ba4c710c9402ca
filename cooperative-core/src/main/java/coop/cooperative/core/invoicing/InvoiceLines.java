package coop.cooperative.core.invoicing;

import coop.cooperative.core.invoicing.api.BillableHours;
import coop.cooperative.core.invoicing.api.BilledEntry;
import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.InvoiceLine;
import coop.cooperative.core.invoicing.api.InvoicingCommands.DraftInvoice;
import coop.cooperative.core.invoicing.api.InvoicingCommands.FixedAmount;
import coop.cooperative.core.invoicing.api.LineGrouping;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;

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
 * The lines of a draft: for hours, one per member and skill (so each line has one member, and what it
 * earns them is plain), or one per skill when the client prefers it (its entries say what each member
 * earns); the hours added up and billed at the skill's client rate. Or one line for a fixed amount.
 * Lines are numbered from 1 in the order of member and skill, or of skill.
 */
final class InvoiceLines {

    private InvoiceLines() {
    }

    /** The lines for hours that all lie from {@code from} to {@code to}, the invoice's period. */
    static List<InvoiceLine> fromHours(DraftInvoice draft, LocalDate from, LocalDate to) {
        Map<String, ClientRate> rateOf = draft.rates().stream()
                .collect(Collectors.toMap(ClientRate::skill, Function.identity()));
        for (BillableHours entry : draft.hours()) {
            if (entry.date().isBefore(from) || entry.date().isAfter(to)) {
                throw new RuleViolation(Refusal.INVOICE_HOURS_OUTSIDE_PERIOD, "Hours of " + entry.date()
                        + " lie outside the invoice's period", entry.date());
            }
            if (!rateOf.containsKey(entry.skill())) {
                throw new RuleViolation(Refusal.INVOICE_NO_RATE, "The project has no client rate for the skill " + entry.skill(),
                        entry.skill());
            }
        }
        boolean perMember = draft.grouping() == LineGrouping.MEMBER;
        Map<String, List<BillableHours>> grouped = new TreeMap<>();
        for (BillableHours entry : draft.hours()) {
            String key = perMember ? entry.memberId().value() + "/" + entry.skill() : entry.skill();
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        }
        List<InvoiceLine> lines = new ArrayList<>();
        grouped.values().forEach(entries -> {
            BillableHours first = entries.get(0);
            ClientRate rate = rateOf.get(first.skill());
            BigDecimal quantity = entries.stream().map(BillableHours::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<BilledEntry> billed = entries.stream()
                    .sorted(Comparator.comparing(BillableHours::date).thenComparing(e -> e.entryId().value()))
                    .map(e -> new BilledEntry(e.entryId(), e.date(), e.hours(), e.memberId(), e.memberRate())).toList();
            lines.add(new InvoiceLine(lines.size() + 1, draft.hoursWord() + " " + first.skill(),
                    perMember ? first.memberId() : null, first.skill(), quantity, rate.hourlyRate(),
                    draft.reverseCharge() ? VatRate.REVERSE_CHARGE : rate.vatRate(),
                    InvoiceArithmetic.times(quantity, rate.hourlyRate()), perMember ? first.memberRate() : null, billed));
        });
        return lines;
    }

    static List<InvoiceLine> fixed(FixedAmount fixed, boolean reverseCharge) {
        Money amount = fixed.amount();
        return List.of(new InvoiceLine(1, fixed.description().strip(), null, null, BigDecimal.ONE, amount,
                reverseCharge ? VatRate.REVERSE_CHARGE : fixed.vatRate(), amount, null, List.of()));
    }
}
