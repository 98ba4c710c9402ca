package coop.cooperative.core.invoicing;

import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    @Test
    void eachSkillIsHoursPerWeekTimesTheWeeksTimesItsClientRateWithVatPerRate() {
        // 1 March to 30 April: 61 days, 8.7 weeks
        Quote quote = Quote.of(List.of(new RequiredSkill("ux", 32), new RequiredSkill("java", 16)),
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30),
                List.of(new ClientRate("ux", eur("100.00"), VatRate.STANDARD),
                        new ClientRate("java", eur("80.00"), VatRate.REDUCED)), false, EUR);

        assertThat(quote.weeks()).isEqualByComparingTo("8.7");
        assertThat(quote.lines()).extracting(Quote.Line::hours).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("278.4"), new java.math.BigDecimal("139.2"));
        assertThat(quote.lines()).extracting(Quote.Line::amount).containsExactly(eur("27840.00"), eur("11136.00"));
        assertThat(quote.totalExclVat()).isEqualTo(eur("38976.00"));
        // 21% of 27840.00 = 5846.40; 9% of 11136.00 = 1002.24
        assertThat(quote.totalVat()).isEqualTo(eur("6848.64"));
        assertThat(quote.total()).isEqualTo(eur("45824.64"));
        assertThat(quote.missingRates()).isEmpty();
    }

    @Test
    void aSkillWithoutAClientRateIsNamedAndLeftOutOfTheSums() {
        Quote quote = Quote.of(List.of(new RequiredSkill("ux", 8), new RequiredSkill("java", 16)),
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7),
                List.of(new ClientRate("ux", eur("100.00"), VatRate.STANDARD)), false, EUR);

        assertThat(quote.missingRates()).containsExactly("java");
        assertThat(quote.lines()).hasSize(1);
        assertThat(quote.total()).isEqualTo(eur("968.00"));
    }

    @Test
    void aReverseChargedClientIsQuotedWithoutVat() {
        Quote quote = Quote.of(List.of(new RequiredSkill("ux", 10)), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 14),
                List.of(new ClientRate("ux", eur("90.00"), VatRate.STANDARD)), true, EUR);

        assertThat(quote.lines().get(0).vatRate()).isEqualTo(VatRate.REVERSE_CHARGE);
        assertThat(quote.totalVat()).isEqualTo(eur("0.00"));
        assertThat(quote.total()).isEqualTo(eur("1800.00"));
    }
}
