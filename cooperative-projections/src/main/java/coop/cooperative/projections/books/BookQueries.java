package coop.cooperative.projections.books;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** The queries the ledger read model answers, and its views. */
public final class BookQueries {

    private BookQueries() {
    }

    /** Balances including everything dated on or before {@code asOf}. */
    public record FindBalances(CooperativeId cooperativeId, LocalDate asOf, Currency currency) {
    }

    /**
     * @param members     each member with postings: what they paid in minus what was charged to them
     * @param cooperative the cooperative's own position, minus the sum of its own accounts
     */
    public record Balances(Map<MemberId, Money> members, Money cooperative) {
    }

    /** A page of journal lines; every filter may be null. Pages count from 0. */
    public record FindJournal(CooperativeId cooperativeId, LocalDate from, LocalDate to, MemberId memberId,
                              String category, int page, int size) {
    }

    /** The whole ledger in order, for the exports. */
    public record FindPostings(CooperativeId cooperativeId) {
    }

    /**
     * One posting. {@code amount} is in the books' sign (debit positive); {@code memberBalance} is,
     * on a member's line, that member's balance right after it (positive: the cooperative owes them).
     * {@code vat}, on a cost's expense line only (null elsewhere): the VAT included in the cost, in
     * the line's sign, whether it went to input VAT or stayed in the shared amount.
     */
    public record JournalLine(String eventId, int line, LocalDate date, String description, String category,
                              String account, MemberId memberId, Money amount, Money memberBalance, Money vat) {
    }

    public record JournalPage(List<JournalLine> lines, long totalLines) {
    }

    /** What approved costs (net of reversals) came to per category per month, between two dates (inclusive, may be null). */
    public record FindCategoryTotals(CooperativeId cooperativeId, LocalDate from, LocalDate to) {
    }

    /** {@code total}: what the category cost (net of input VAT); {@code vat}: the VAT included in its costs. */
    public record CategoryTotal(YearMonth month, String category, Money total, Money vat) {
    }

    /** The input VAT posted in each quarter of a year: the figure for the VAT return. */
    public record FindInputVat(CooperativeId cooperativeId, int year, Currency currency) {
    }

    /** {@code quarters}: four amounts, the first quarter first. */
    public record InputVat(int year, List<Money> quarters) {
    }
}
