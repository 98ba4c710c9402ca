package coop.cooperative.core.membership;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipPeriodTest {

    private static final LocalDate JOINED = LocalDate.of(2026, 2, 1);
    private static final LocalDate LEFT = LocalDate.of(2026, 6, 1);
    private final MembershipPeriod leaving = new MembershipPeriod(JOINED, LEFT);
    private final MembershipPeriod staying = new MembershipPeriod(JOINED, null);

    @Test
    void aMemberIsActiveOnTheDayTheyJoin() {
        assertThat(leaving.activeOn(JOINED)).isTrue();
        assertThat(staying.activeOn(JOINED)).isTrue();
    }

    @Test
    void notBeforeJoining() {
        assertThat(leaving.activeOn(JOINED.minusDays(1))).isFalse();
        assertThat(staying.activeOn(JOINED.minusDays(1))).isFalse();
    }

    @Test
    void theLeavingDateIsTheFirstDayOut() {
        assertThat(leaving.activeOn(LEFT.minusDays(1))).isTrue();
        assertThat(leaving.activeOn(LEFT)).isFalse();
        assertThat(leaving.leftBy(LEFT.minusDays(1))).isFalse();
        assertThat(leaving.leftBy(LEFT)).isTrue();
    }

    @Test
    void notAfterLeaving() {
        assertThat(leaving.activeOn(LEFT.plusDays(1))).isFalse();
        assertThat(leaving.leftBy(LEFT.plusDays(1))).isTrue();
    }

    @Test
    void aMemberWhoNeverLeftIsActiveEverAfterJoining() {
        assertThat(staying.activeOn(LocalDate.of(2099, 12, 31))).isTrue();
        assertThat(staying.leftBy(LocalDate.of(2099, 12, 31))).isFalse();
    }

    @Test
    void aMemberWhoJoinsAndLeavesOnTheSameDayIsNeverActive() {
        assertThat(new MembershipPeriod(JOINED, JOINED).activeOn(JOINED)).isFalse();
    }
}
