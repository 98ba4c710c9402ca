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
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is left to credit of each line of a sent invoice: its amount, and of its earning (none for a
 * fixed amount) the member's earnings and the fee. Credit notes take whole lines or an amount spread
 * over the lines; each takes back the same part of the earning, so a line credited in pieces is
 * reversed exactly once.
 */
final class CreditableLines {

    private final Map<Integer, Creditable> left = new LinkedHashMap<>();

    /** The invoice was sent with these lines and earnings: everything is left to credit. */
    void sent(List<InvoiceLine> lines, List<Earning> earnings) {
        Map<Integer, Earning> byLine = new LinkedHashMap<>();
        earnings.forEach(earning -> byLine.put(earning.lineNumber(), earning));
        lines.forEach(line -> {
            Earning earning = byLine.get(line.number());
            left.put(line.number(), new Creditable(line.amount(), line.amount(), earning,
                    earning == null ? null : earning.earnings(), earning == null ? null : earning.fee()));
        });
    }

    /** A credit note took back these parts of lines and reversed these earnings. */
    void credited(List<CreditedLine> lines, List<Earning> reversed) {
        Map<Integer, Earning> byLine = new LinkedHashMap<>();
        reversed.forEach(earning -> byLine.put(earning.lineNumber(), earning));
        lines.forEach(line -> left.computeIfPresent(line.lineNumber(),
                (number, creditable) -> creditable.less(line.amount(), byLine.get(number))));
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

    /** The earning a credit of {@code portion} of the line reverses; null for a line without a member. */
    Earning reversal(int number, Money portion) {
        Creditable creditable = left.get(number);
        return creditable.earning == null ? null : creditable.reversal(portion);
    }

    /**
     * A part of the line reverses the same part of the earnings and fee, rounded half up; the last part
     * reverses exactly what is left.
     */
    private record Creditable(Money original, Money amount, Earning earning, Money earnings, Money fee) {

        Earning reversal(Money portion) {
            if (portion.equals(amount)) {
                return new Earning(earning.lineNumber(), earning.memberId(), earnings, fee);
            }
            return new Earning(earning.lineNumber(), earning.memberId(), atMost(earnings, part(earning.earnings(), portion)),
                    atMost(fee, part(earning.fee(), portion)));
        }

        private Money part(Money whole, Money portion) {
            return new Money(whole.amount().multiply(portion.amount())
                    .divide(original.amount(), whole.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP),
                    whole.currency());
        }

        private static Money atMost(Money left, Money part) {
            return part.compareTo(left) > 0 ? left : part;
        }

        Creditable less(Money portion, Earning reversed) {
            return new Creditable(original, amount.minus(portion), earning,
                    reversed == null ? earnings : earnings.minus(reversed.earnings()),
                    reversed == null ? fee : fee.minus(reversed.fee()));
        }
    }
}
