package coop.cooperative.app.books;

import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.periods.Periods;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.books.BookQueries.Balances;
import coop.cooperative.projections.books.BookQueries.FindBalances;
import coop.cooperative.projections.books.BookQueries.FindInputVat;
import coop.cooperative.projections.books.BookQueries.FindPostings;
import coop.cooperative.projections.books.BookQueries.InputVat;
import coop.cooperative.projections.books.BookQueries.JournalLine;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the books say, for the API and the treasurer's pages alike: the balances as of a date with
 * members' names, and the two exports (one way to produce each, whichever door it is asked through).
 */
@Service
public class BookReports {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private final QueryGateway queries;
    private final BookRules rules;
    private final Periods periods;
    private final CooperativeAccess access;
    private final MemberProfiles profiles;

    BookReports(QueryGateway queries, BookRules rules, Periods periods, CooperativeAccess access,
                MemberProfiles profiles) {
        this.queries = queries;
        this.rules = rules;
        this.periods = periods;
        this.access = access;
        this.profiles = profiles;
    }

    public record MemberBalance(MemberId memberId, String name, Money balance) {
    }

    /** Members by name, the cooperative's own position, and the total of both (zero when the books balance). */
    public record BalanceSheet(LocalDate asOf, List<MemberBalance> members, Money cooperative, Money total) {
    }

    /** Every member who had joined by the date (or has postings by then), sorted by name. */
    public BalanceSheet balances(CooperativeId cooperativeId, LocalDate asOf) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        Balances balances = raw(cooperativeId, asOf, cooperative);
        Map<MemberId, String> names = profiles.names(cooperativeId);
        Money zero = Money.zero(cooperative.currency());
        List<MemberBalance> members = rules.members(cooperativeId).values().stream()
                .filter(m -> !m.joinedOn().isAfter(asOf) || balances.members().containsKey(m.memberId()))
                .map(MemberView::memberId)
                .map(id -> new MemberBalance(id, names.get(id), balances.members().getOrDefault(id, zero)))
                .sorted(Comparator.comparing(MemberBalance::name, Comparator.nullsLast(String::compareToIgnoreCase))
                        .thenComparing(m -> m.memberId().toString()))
                .toList();
        Money total = balances.members().values().stream().reduce(balances.cooperative(), Money::plus);
        return new BalanceSheet(asOf, members, balances.cooperative(), total);
    }

    /** One member's balance as of a date; zero before their first posting. */
    public Money balance(CooperativeId cooperativeId, MemberId memberId, LocalDate asOf) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        return raw(cooperativeId, asOf, cooperative).members().getOrDefault(memberId, Money.zero(cooperative.currency()));
    }

    public record Quarter(int quarter, LocalDate from, LocalDate to, Money inputVat) {
    }

    /** The input VAT posted per quarter of a year, net of reversals, and the year's total. */
    public record InputVatReturn(int year, boolean vatRegistered, List<Quarter> quarters, Money total) {
    }

    /** The figures for the VAT return; all zero for a cooperative that is not VAT-registered. */
    public InputVatReturn inputVat(CooperativeId cooperativeId, int year) {
        if (year < Dates.EARLIEST.getYear() || year > Dates.LATEST.getYear()) {
            throw new InvalidRequestException("year", "must lie between " + Dates.EARLIEST.getYear() + " and "
                    + Dates.LATEST.getYear());
        }
        CooperativeView cooperative = access.cooperative(cooperativeId);
        InputVat vat = queries.query(new FindInputVat(cooperativeId, year, cooperative.currency()), InputVat.class).join();
        List<Quarter> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            LocalDate from = LocalDate.of(year, 3 * q - 2, 1);
            quarters.add(new Quarter(q, from, from.plusMonths(3).minusDays(1), vat.quarters().get(q - 1)));
        }
        Money total = vat.quarters().stream().reduce(Money.zero(cooperative.currency()), Money::plus);
        return new InputVatReturn(year, cooperative.policies().vatRegistered(), List.copyOf(quarters), total);
    }

    /** An export as a file to save: {@link #response()} answers it as a download. */
    public record Export(String filename, MediaType type, String body) {

        public ResponseEntity<String> response() {
            return ResponseEntity.ok().contentType(type)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
        }
    }

    /** The hledger/ledger-cli journal, with balance assertions at the close of each closed period. */
    public Export journalExport(CooperativeId cooperativeId) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        return new Export("ledger.journal", TEXT, JournalExport.journal(cooperative.name(),
                cooperative.currency().getCurrencyCode(), postings(cooperativeId),
                periods.closed(cooperativeId).periods(), profiles.names(cooperativeId)));
    }

    /** The same postings as CSV. */
    public Export csvExport(CooperativeId cooperativeId) {
        access.cooperative(cooperativeId);
        return new Export("ledger.csv", CSV, JournalExport.csv(postings(cooperativeId)));
    }

    private Balances raw(CooperativeId cooperativeId, LocalDate asOf, CooperativeView cooperative) {
        return queries.query(new FindBalances(cooperativeId, asOf, cooperative.currency()), Balances.class).join();
    }

    private List<JournalLine> postings(CooperativeId cooperativeId) {
        return queries.query(new FindPostings(cooperativeId), ResponseTypes.multipleInstancesOf(JournalLine.class)).join();
    }
}
