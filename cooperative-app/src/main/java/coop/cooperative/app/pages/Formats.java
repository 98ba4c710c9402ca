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
 * {@code €1,234.56} and {@code Feb 3, 2026} in English. Used in templates as {@code ${@fmt.money(...)}}.
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

    /** A month as people write it: {@code nov 2026}, {@code Nov 2026}. */
    public String month(YearMonth month) {
        return month == null ? "" : DateTimeFormatter.ofPattern("MMM yyyy", locale()).format(month);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
