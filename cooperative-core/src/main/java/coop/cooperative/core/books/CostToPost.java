package coop.cooperative.core.books;

import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.costs.api.Share;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A cost as it was shared, all the books need to post its approval or reversal. {@code vat}: the
 * VAT included in {@code amount} (zero when none was given); {@code inputVat}: the cooperative is
 * VAT-registered, so the VAT is input VAT and the shares add up to the amount net of it.
 * {@code paidBy}: the member who paid, null when the cooperative's bank did. {@code shares}: what
 * each member is charged, kept in member-id order whatever order it is given in (the order their
 * lines are posted in).
 */
public record CostToPost(String description, LocalDate date, String category, Money amount, Money vat,
                         boolean inputVat, MemberId paidBy, Map<MemberId, Money> shares) {

    public CostToPost {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(vat, "vat");
        shares = Collections.unmodifiableSortedMap(new TreeMap<>(shares));
    }

    /** The cost as the event shared it; a member with two shares is charged their sum. */
    public static CostToPost of(CostShared event) {
        SortedMap<MemberId, Money> shares = new TreeMap<>();
        for (Share share : event.shares()) {
            shares.merge(share.memberId(), share.amount(), Money::plus);
        }
        return new CostToPost(event.description(), event.date(), event.category(), event.amount(), event.vat(),
                event.inputVat(), event.paidBy(), shares);
    }
}
