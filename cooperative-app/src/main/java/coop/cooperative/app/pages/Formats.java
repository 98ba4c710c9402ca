package coop.cooperative.app.pages;

import coop.cooperative.core.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts and dates in the reader's language: {@code € 1.234,56} and {@code 3 feb 2026} in Dutch,
 * {@code €1,234.56} and {@code Feb 3, 2026} in English; months and plain numbers (hours) likewise. Used in templates as {@code ${@fmt.money(...)}}.
 */
@Component("fmt")
public class Formats {

    public String money(String amount, Currency currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(currency);
        return format.format(new BigDecimal(amount));
    }

    public String money(Money money) {
        return money == null ? "" : money(money.toString(), money.currency());
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    /** A month as people say it: {@code november 2026}, {@code November 2026}. */
    public String month(YearMonth month) {
        return month == null ? "" : DateTimeFormatter.ofPattern("LLLL yyyy", locale()).format(month);
    }

    /** A month given as text ({@code 2026-11}), as {@link #month(YearMonth)} says it. */
    public String monthOf(String month) {
        return month == null ? "" : month(YearMonth.parse(month));
    }

    /** A plain number such as hours, without trailing zeros: {@code 7,5} in Dutch, {@code 7.5} in English. */
    public String number(BigDecimal number) {
        if (number == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(Math.max(0, number.scale()));
        return format.format(number);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
