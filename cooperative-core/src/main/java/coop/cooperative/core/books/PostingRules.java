package coop.cooperative.core.books;

import coop.cooperative.core.costs.api.CostReversed;
import coop.cooperative.core.settlements.api.SettlementDirection;
import coop.cooperative.core.settlements.api.SettlementRecorded;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What each event posts to the books. An approved cost posts, on the cost's date: the expense of
 * its category, paid from the bank or credited to the member who paid it, each share charged to its
 * member (in member-id order), and the recharge to members as the cooperative's income. A reversal
 * posts the same lines with the opposite sign on its own date. A settlement moves money between the
 * bank and the member's account. Every posting's lines sum to zero.
 * <p>
 * The descriptions are the books' own words in English, as the exports give them; the pages
 * translate them by matching these strings.
 */
public final class PostingRules {

    /** A settlement's description when the member paid the cooperative. */
    public static final String PAID_TO_COOPERATIVE = "Settlement: paid to the cooperative";
    /** A settlement's description when the member received money from the cooperative. */
    public static final String RECEIVED_FROM_COOPERATIVE = "Settlement: received from the cooperative";
    /** A reversal's description: this, the cost's description, ": " and the reason. */
    public static final String REVERSAL_OF = "Reversal of ";

    private PostingRules() {
    }

    /** An approved cost, posted on the cost's date under its description. */
    public static Posting approval(CostToPost cost) {
        return new Posting(cost.date(), cost.description(), cost.category(), lines(cost, UnaryOperator.identity()));
    }

    /** A reversed cost: the approval's lines with the opposite sign, on the reversal's date. */
    public static Posting reversal(CostToPost cost, CostReversed reversal) {
        return new Posting(reversal.reversedOn(), REVERSAL_OF + cost.description() + ": " + reversal.reason(),
                cost.category(), lines(cost, Money::negate));
    }

    /** A settlement: the bank and the member's account, in the direction the money moved. */
    public static Posting settlement(SettlementRecorded settlement) {
        boolean paidIn = settlement.direction() == SettlementDirection.PAID_TO_COOPERATIVE;
        Money toBank = paidIn ? settlement.amount() : settlement.amount().negate();
        return new Posting(settlement.date(), paidIn ? PAID_TO_COOPERATIVE : RECEIVED_FROM_COOPERATIVE, null, List.of(
                PostingLine.of(Accounts.BANK, toBank),
                PostingLine.member(settlement.memberId(), toBank.negate())));
    }

    /**
     * A cost's lines, each amount passed through {@code sign}. Input VAT (a VAT-registered
     * cooperative) is not an expense: it goes to its own account, and the expense and the recharge
     * to members are the amount net of it. Otherwise the VAT is part of the expense and only noted
     * on its line.
     */
    private static List<PostingLine> lines(CostToPost cost, UnaryOperator<Money> sign) {
        Money amount = sign.apply(cost.amount());
        Money vat = sign.apply(cost.vat());
        Money expense = cost.inputVat() ? amount.minus(vat) : amount;
        List<PostingLine> lines = new ArrayList<>();
        lines.add(new PostingLine(Accounts.expenses(cost.category()), null, expense, vat));
        if (cost.inputVat()) {
            lines.add(PostingLine.of(Accounts.INPUT_VAT, vat));
        }
        MemberId payer = cost.paidBy();
        lines.add(payer == null ? PostingLine.of(Accounts.BANK, amount.negate()) : PostingLine.member(payer, amount.negate()));
        cost.shares().forEach((member, share) -> lines.add(PostingLine.member(member, sign.apply(share))));
        lines.add(PostingLine.of(Accounts.recharged(cost.category()), expense.negate()));
        return lines;
    }
}
