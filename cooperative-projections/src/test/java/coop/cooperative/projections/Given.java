package coop.cooperative.projections;

import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.util.Currency;
import java.util.UUID;

/** What the projections' tests give their events: euros, and three members whose ids sort as named. */
public final class Given {

    public static final Currency EUR = Currency.getInstance("EUR");

    // ids in a known order: shares are posted, and members enrolled on one day listed, in member-id order
    public static final MemberId ANNA = new MemberId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    public static final MemberId BRAM = new MemberId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    public static final MemberId CAS = new MemberId(UUID.fromString("00000000-0000-0000-0000-00000000000c"));

    private Given() {
    }

    public static Money eur(String amount) {
        return Money.of(amount, EUR);
    }
}
