package coop.cooperative.core.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void anAmountIsKeptAtTheCurrencysScale() {
        assertThat(Money.parse("1234.5", EUR)).hasToString("1234.50");
        assertThat(Money.parse("7", EUR)).hasToString("7.00");
        assertThat(Money.parse("999999999.99", EUR).amount()).isEqualByComparingTo("999999999.99");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.001", "1e3", "NaN", "1,50", "", " 1.00", "1000000000.00", "-1000000000", "Infinity", "0x10"})
    void refusesWhatIsNotAnExactAmount(String text) {
        assertThatThrownBy(() -> Money.parse(text, EUR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedEvenWhenZero() {
        assertThatThrownBy(() -> Money.parse("12.500", EUR)).hasMessageContaining("at most 2 decimals");
    }

    @Test
    void arithmeticIsExactAndRefusesMixedCurrencies() {
        Money a = Money.of("0.10", EUR);
        assertThat(a.plus(Money.of("0.20", EUR))).isEqualTo(Money.of("0.30", EUR));
        assertThat(a.minus(Money.of("0.30", EUR)).negate()).isEqualTo(Money.of("0.20", EUR));
        assertThatThrownBy(() -> a.plus(Money.of("1.00", Currency.getInstance("USD"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("0.001", EUR)).isInstanceOf(ArithmeticException.class);
    }
}
