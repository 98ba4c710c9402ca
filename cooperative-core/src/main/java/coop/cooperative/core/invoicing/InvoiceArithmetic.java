package coop.cooperative.core.invoicing;

import coop.cooperative.core.invoicing.api.BilledEntry;
import coop.cooperative.core.invoicing.api.CreditedLine;
import coop.cooperative.core.invoicing.api.Earning;
import coop.cooperative.core.invoicing.api.InvoiceLine;
import coop.cooperative.core.invoicing.api.VatAmount;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sums of an invoice, in one place. The only amounts here that need rounding are products
 * (hours × rate, an amount × a percentage): each is rounded half up to cents once, where it is
 * made, as EN 16931 expects of a line amount and of the VAT per rate (computed on the rate's total,
 * not per line). Everything else adds up exactly.
 */
public final class InvoiceArithmetic {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private InvoiceArithmetic() {
    }

    /** {@code quantity} × {@code price}, rounded half up to the currency's cents. */
    public static Money times(BigDecimal quantity, Money price) {
        return cents(quantity.multiply(price.amount()), price.currency());
    }

    /** {@code percent}% of {@code amount}, rounded half up to cents. */
    public static Money percentOf(BigDecimal percent, Money amount) {
        return cents(amount.amount().multiply(percent).divide(HUNDRED), amount.currency());
    }

    private static Money cents(BigDecimal exact, Currency currency) {
        return new Money(exact.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP), currency);
    }

    /** The sum of the lines' amounts, excluding VAT. */
    public static Money totalExclVat(List<InvoiceLine> lines, Currency currency) {
        return lines.stream().map(InvoiceLine::amount).reduce(Money.zero(currency), Money::plus);
    }

    /** The VAT per rate of an invoice's lines, in the order of {@link VatRate}. */
    public static List<VatAmount> vat(List<InvoiceLine> lines, Currency currency) {
        Map<VatRate, Money> taxable = new EnumMap<>(VatRate.class);
        lines.forEach(line -> taxable.merge(line.vatRate(), line.amount(), Money::plus));
        return vatOn(taxable, currency);
    }

    /** The VAT per rate of a credit note's lines. */
    public static List<VatAmount> vatCredited(List<CreditedLine> lines, Currency currency) {
        Map<VatRate, Money> taxable = new EnumMap<>(VatRate.class);
        lines.forEach(line -> taxable.merge(line.vatRate(), line.amount(), Money::plus));
        return vatOn(taxable, currency);
    }

    private static List<VatAmount> vatOn(Map<VatRate, Money> taxable, Currency currency) {
        List<VatAmount> vat = new ArrayList<>();
        taxable.forEach((rate, amount) -> vat.add(new VatAmount(rate, amount, percentOf(rate.percent(), amount))));
        return vat;
    }

    public static Money totalVat(List<VatAmount> vat, Currency currency) {
        return vat.stream().map(VatAmount::vat).reduce(Money.zero(currency), Money::plus);
    }

    /**
     * What a line earns its members: each member's hours × their own rate, of which the cooperative
     * keeps {@code feePercent}; one earning on a line per member, one per member on a line per skill
     * (in member-id order), none on a line without hours (a fixed amount goes to the cooperative).
     */
    public static List<Earning> earnings(InvoiceLine line, BigDecimal feePercent) {
        if (line.memberId() != null) {
            Money earnings = times(line.quantity(), line.memberRate());
            return List.of(new Earning(line.number(), line.memberId(), earnings, percentOf(feePercent, earnings)));
        }
        Map<MemberId, BigDecimal> hours = new TreeMap<>();
        Map<MemberId, Money> rates = new HashMap<>();
        for (BilledEntry entry : line.entries()) {
            hours.merge(entry.memberId(), entry.hours(), BigDecimal::add);
            rates.put(entry.memberId(), entry.memberRate());
        }
        List<Earning> earnings = new ArrayList<>();
        hours.forEach((member, worked) -> {
            Money earned = times(worked, rates.get(member));
            earnings.add(new Earning(line.number(), member, earned, percentOf(feePercent, earned)));
        });
        return earnings;
    }
}
