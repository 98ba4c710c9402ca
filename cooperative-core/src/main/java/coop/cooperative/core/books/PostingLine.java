package coop.cooperative.core.books;

import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.util.Objects;

/**
 * One line of a posting: an amount on an account (positive a debit, negative a credit).
 * {@code memberId}: the member whose current account it is, null on the cooperative's own accounts.
 * {@code vat}: on a cost's expense line, the cost's VAT in the line's sign (zero when none was
 * given); null on every other line.
 */
public record PostingLine(String account, MemberId memberId, Money amount, Money vat) {

    public PostingLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
    }

    static PostingLine of(String account, Money amount) {
        return new PostingLine(account, null, amount, null);
    }

    static PostingLine member(MemberId memberId, Money amount) {
        return new PostingLine(Accounts.member(memberId), memberId, amount, null);
    }
}
