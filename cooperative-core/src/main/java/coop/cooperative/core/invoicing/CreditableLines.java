package coop.cooperative.core.invoicing;

import coop.cooperative.core.invoicing.api.CreditedLine;
import coop.cooperative.core.invoicing.api.Earning;
import coop.cooperative.core.invoicing.api.InvoiceLine;
import coop.cooperative.core.shared.Allocation;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is left to credit of each line of a sent invoice: its amount, and of each of its earnings (none
 * for a fixed amount, one per member) the member's earnings and the fee. Credit notes take whole lines
 * or an amount spread over the lines; each takes back the same part of every earning of the line, so a
 * line credited in pieces is reversed exactly once.
 */
final class CreditableLines {

    private final Map<Integer, Creditable> left = new LinkedHashMap<>();

    /** The invoice was sent with these lines and earnings: everything is left to credit. */
    void sent(List<InvoiceLine> lines, List<Earning> earnings) {
        Map<Integer, List<Earning>> byLine = byLine(earnings);
        lines.forEach(line -> left.put(line.number(), new Creditable(line.amount(), line.amount(),
                byLine.getOrDefault(line.number(), List.of()).stream()
                        .map(earning -> new EarningLeft(earning, earning.earnings(), earning.fee())).toList())));
    }

    /** A credit note took back these parts of lines and reversed these earnings. */
    void credited(List<CreditedLine> lines, List<Earning> reversed) {
        Map<Integer, List<Earning>> byLine = byLine(reversed);
        lines.forEach(line -> left.computeIfPresent(line.lineNumber(),
                (number, creditable) -> creditable.less(line.amount(), byLine.getOrDefault(number, List.of()))));
    }

    private static Map<Integer, List<Earning>> byLine(List<Earning> earnings) {
        Map<Integer, List<Earning>> byLine = new LinkedHashMap<>();
        earnings.forEach(earning -> byLine.computeIfAbsent(earning.lineNumber(), n -> new ArrayList<>()).add(earning));
        return byLine;
    }

    /** Whole lines: what is left of each, refused for a line that does not exist or is already credited in full. */
    Map<Integer, Money> wholeLines(List<Integer> numbers) {
        Map<Integer, Money> portions = new LinkedHashMap<>();
        for (Integer number : numbers.stream().sorted().distinct().toList()) {
            Creditable creditable = left.get(number);
            if (creditable == null) {
                throw new RuleViolation(Refusal.INVOICE_NO_SUCH_LINE, "The invoice has no line " + number, number);
            }
            if (creditable.amount.isZero()) {
                throw new Conflict(Refusal.INVOICE_LINE_CREDITED, "Line " + number + " is already credited in full", number);
            }
            portions.put(number, creditable.amount);
        }
        return portions;
    }

    /** An amount over the lines, in proportion to what is left of each, every cent placed (largest remainder). */
    Map<Integer, Money> spread(Money amount, Currency currency) {
        Map<Integer, BigDecimal> weights = new LinkedHashMap<>();
        left.forEach((number, creditable) -> {
            if (creditable.amount.isPositive()) {
                weights.put(number, creditable.amount.amount());
            }
        });
        Money remaining = weights.values().stream().map(w -> new Money(w, currency)).reduce(Money.zero(currency), Money::plus);
        if (amount.compareTo(remaining) > 0) {
            throw new RuleViolation(Refusal.INVOICE_CREDIT_TOO_MUCH, "The credit is more than the " + remaining
                    + " (excluding VAT) left to credit", remaining);
        }
        Map<Integer, Money> portions = new LinkedHashMap<>();
        Allocation.proportional(amount, weights, Integer::compare).forEach((number, portion) -> {
            if (portion.isPositive()) {
                portions.put(number, portion);
            }
        });
        return portions;
    }

    /** The earnings a credit of {@code portion} of the line reverses; none for a line without members. */
    List<Earning> reversals(int number, Money portion) {
        return left.get(number).reversals(portion);
    }

    /** What is left of one earning of a line. */
    private record EarningLeft(Earning earning, Money earnings, Money fee) {

        /**
         * A part of the line reverses the same part of the earnings and fee, rounded half up; the last
         * part reverses exactly what is left.
         */
        Earning reversal(Money portion, Money lineAmount, Money lineLeft) {
            if (portion.equals(lineLeft)) {
                return new Earning(earning.lineNumber(), earning.memberId(), earnings, fee);
            }
            return new Earning(earning.lineNumber(), earning.memberId(),
                    atMost(earnings, part(earning.earnings(), portion, lineAmount)),
                    atMost(fee, part(earning.fee(), portion, lineAmount)));
        }

        EarningLeft less(Earning reversed) {
            return new EarningLeft(earning, earnings.minus(reversed.earnings()), fee.minus(reversed.fee()));
        }

        private static Money part(Money whole, Money portion, Money lineAmount) {
            return new Money(whole.amount().multiply(portion.amount())
                    .divide(lineAmount.amount(), whole.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP),
                    whole.currency());
        }

        private static Money atMost(Money left, Money part) {
            return part.compareTo(left) > 0 ? left : part;
        }
    }

    private record Creditable(Money original, Money amount, List<EarningLeft> earnings) {

        List<Earning> reversals(Money portion) {
            return earnings.stream().map(earning -> earning.reversal(portion, original, amount)).toList();
        }

        Creditable less(Money portion, List<Earning> reversed) {
            List<EarningLeft> after = earnings.stream().map(earning -> reversed.stream()
                    .filter(r -> r.memberId().equals(earning.earning().memberId())).findFirst()
                    .map(earning::less).orElse(earning)).toList();
            return new Creditable(original, amount.minus(portion), after);
        }
    }
}
