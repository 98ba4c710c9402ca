package coop.cooperative.app;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The one date every test runs on, never the machine's: {@code -Dcooperative.test.today=2027-01-01}
 * (the build's default is in the parent pom). The app gets it as its {@link Clock}, the tests take
 * their dates from {@link #today()}, so a test written in late November passes on the 1st of any
 * month too. CI runs the journeys a second time on the first day of a month.
 *
 * <p>The zone is the cooperative's own (Amsterdam), so a run on the day summer time starts or ends
 * sees that day as the app would in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final String PROPERTY = "cooperative.test.today";
    private static final String DEFAULT_TODAY = "2026-12-04";
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** The test's today: the system property, or the default when a test runs outside Maven. */
    public static LocalDate today() {
        String property = System.getProperty(PROPERTY, "");
        return LocalDate.parse(property.isBlank() ? DEFAULT_TODAY : property);
    }

    public static YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    /** Noon of {@link #today()}, standing still: no test runs long enough to need time to pass. */
    public static Clock clock() {
        return Clock.fixed(today().atTime(LocalTime.NOON).atZone(ZONE).toInstant(), ZONE);
    }

    @Bean
    @Primary
    Clock fixedClock() {
        return clock();
    }
}
