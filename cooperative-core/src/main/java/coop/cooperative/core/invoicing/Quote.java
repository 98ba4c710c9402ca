package coop.cooperative.core.invoicing;

import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.InvoiceLine;
import coop.cooperative.core.invoicing.api.VatAmount;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a planned project will cost its client: per required skill, hours per week × the project's
 * weeks × the skill's client rate, with VAT per rate as an invoice computes it. The weeks are the
 * project's days from start to end (both included) divided by seven, to one decimal. A skill
 * without a client rate is listed in {@code missingRates} and left out of the sums, so the quote
 * never silently prices it at zero.
 */
public record Quote(LocalDate start, LocalDate end, BigDecimal weeks, List<Line> lines, List<String> missingRates,
                    List<VatAmount> vat, Money totalExclVat, Money totalVat, Money total) {

    /** One skill: {@code hours} = hoursPerWeek × weeks, {@code amount} = hours × the client rate. */
    public record Line(String skill, int hoursPerWeek, BigDecimal hours, Money hourlyRate, VatRate vatRate, Money amount) {
    }

    public static Quote of(List<RequiredSkill> skills, LocalDate start, LocalDate end, List<ClientRate> rates,
                           boolean reverseCharge, Currency currency) {
        BigDecimal weeks = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end) + 1)
                .divide(BigDecimal.valueOf(7), 1, RoundingMode.HALF_UP);
        Map<String, ClientRate> rateOf = rates.stream().collect(Collectors.toMap(ClientRate::skill, Function.identity()));
        List<Line> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RequiredSkill skill : skills) {
            ClientRate rate = rateOf.get(skill.skill());
            if (rate == null) {
                missing.add(skill.skill());
                continue;
            }
            BigDecimal hours = weeks.multiply(BigDecimal.valueOf(skill.hoursPerWeek()));
            lines.add(new Line(skill.skill(), skill.hoursPerWeek(), hours, rate.hourlyRate(),
                    reverseCharge ? VatRate.REVERSE_CHARGE : rate.vatRate(),
                    InvoiceArithmetic.times(hours, rate.hourlyRate())));
        }
        // the VAT of the quote as the invoices will compute it: per rate, on the rate's total
        List<InvoiceLine> asInvoiceLines = lines.stream().map(line -> new InvoiceLine(0, line.skill(), null,
                line.skill(), line.hours(), line.hourlyRate(), line.vatRate(), line.amount(), null, List.of())).toList();
        List<VatAmount> vat = InvoiceArithmetic.vat(asInvoiceLines, currency);
        Money exclVat = InvoiceArithmetic.totalExclVat(asInvoiceLines, currency);
        Money totalVat = InvoiceArithmetic.totalVat(vat, currency);
        return new Quote(start, end, weeks, lines, missing, vat, exclVat, totalVat, exclVat.plus(totalVat));
    }
}
