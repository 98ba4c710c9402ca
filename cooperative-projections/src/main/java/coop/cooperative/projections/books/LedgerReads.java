package coop.cooperative.projections.books;

import coop.cooperative.core.books.Accounts;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.books.BookQueries.Balances;
import coop.cooperative.projections.books.BookQueries.CategoryTotal;
import coop.cooperative.projections.books.BookQueries.FindBalances;
import coop.cooperative.projections.books.BookQueries.FindCategoryTotals;
import coop.cooperative.projections.books.BookQueries.FindInputVat;
import coop.cooperative.projections.books.BookQueries.InputVat;
import coop.cooperative.projections.books.BookQueries.FindJournal;
import coop.cooperative.projections.books.BookQueries.FindPostings;
import coop.cooperative.projections.books.BookQueries.JournalLine;
import coop.cooperative.projections.books.BookQueries.JournalPage;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Answers the books' queries (balances, the journal, category totals, input VAT) from the lines
 * {@link LedgerProjection} stores. It belongs to the same processing group, the view it reads: while
 * the ledger is rebuilt, its queries are refused rather than answered from half-replayed lines.
 */
@Component
@ProcessingGroup("ledger")
class LedgerReads {

    private final JdbcClient jdbc;

    LedgerReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Balances handle(FindBalances query) {
        Map<MemberId, Money> members = new LinkedHashMap<>();
        BigDecimal[] others = {BigDecimal.ZERO};
        jdbc.sql("""
                        SELECT member_id, SUM(amount) AS total FROM ledger_postings
                        WHERE cooperative_id = ? AND posted_on <= ?
                        GROUP BY member_id""")
                .params(query.cooperativeId().value(), query.asOf())
                .query(rs -> {
                    UUID member = rs.getObject("member_id", UUID.class);
                    BigDecimal total = rs.getBigDecimal("total");
                    if (member == null) {
                        others[0] = total;
                    } else {
                        // A member's account is a liability: its credit (negative) is what the cooperative owes them.
                        members.put(new MemberId(member), new Money(total.negate(), query.currency()));
                    }
                });
        return new Balances(members, new Money(others[0].negate(), query.currency()));
    }

    /**
     * The books' order within one cooperative. It names the cooperative first although every query
     * fixes it: so H2 sees that the index ledger_postings_in_order gives this order, and reads a
     * page's lines from it instead of sorting the cooperative's whole history.
     */
    private static final String ORDER = "cooperative_id, posted_on, recorded_at, event_id, line";

    @QueryHandler
    JournalPage handle(FindJournal query) {
        StringBuilder where = new StringBuilder(" WHERE p.cooperative_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(query.cooperativeId().value());
        if (query.memberId() != null) {
            where.append(" AND p.member_id = ?");
            params.add(query.memberId().value());
        }
        if (query.from() != null) {
            where.append(" AND p.posted_on >= ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            where.append(" AND p.posted_on <= ?");
            params.add(query.to());
        }
        if (query.category() != null) {
            where.append(" AND p.category = ?");
            params.add(query.category());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM ledger_postings p" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(query.size());
        paged.add((long) query.page() * query.size());
        List<PlacedLine> page = jdbc.sql("SELECT p.* FROM ledger_postings p" + where + " ORDER BY " + ORDER + " LIMIT ? OFFSET ?")
                .params(paged)
                .query((rs, n) -> new PlacedLine(line(rs, n), rs.getLong("recorded_at")))
                .list();
        return new JournalPage(withMemberBalances(query.cooperativeId().value(), page), total);
    }

    /**
     * Each member line with the member's balance after it, counting every line of their account
     * up to it, shown or not. Read as the balance before the page's first line plus the account's
     * lines from there to the page's last one: the cost follows the page, not the whole history.
     */
    private List<JournalLine> withMemberBalances(UUID cooperativeId, List<PlacedLine> page) {
        List<UUID> members = page.stream().map(PlacedLine::member).filter(Objects::nonNull).distinct().toList();
        if (members.isEmpty()) {
            return page.stream().map(PlacedLine::line).toList();
        }
        PlacedLine first = page.get(0);
        PlacedLine last = page.get(page.size() - 1);
        String inMembers = " AND member_id IN (" + String.join(", ", Collections.nCopies(members.size(), "?")) + ")";
        String key = "(posted_on, recorded_at, event_id, line)";

        List<Object> before = new ArrayList<>(List.of(cooperativeId));
        before.addAll(members);
        before.addAll(List.of(first.postedOn(), first.postedOn(), first.recordedAt(), first.line().eventId(), first.line().line()));
        Map<UUID, BigDecimal> balance = new HashMap<>();
        jdbc.sql("SELECT member_id, SUM(amount) AS total FROM ledger_postings WHERE cooperative_id = ?" + inMembers
                        + " AND posted_on <= ? AND " + key + " < (?, ?, ?, ?) GROUP BY member_id")
                .params(before)
                .query((RowCallbackHandler) rs -> balance.put(rs.getObject("member_id", UUID.class), rs.getBigDecimal("total")));

        List<Object> span = new ArrayList<>(List.of(cooperativeId));
        span.addAll(members);
        span.addAll(List.of(first.postedOn(), last.postedOn(), first.postedOn(), first.recordedAt(), first.line().eventId(),
                first.line().line(), last.postedOn(), last.recordedAt(), last.line().eventId(), last.line().line()));
        Map<String, BigDecimal> after = new HashMap<>();
        jdbc.sql("SELECT event_id, line, member_id, amount FROM ledger_postings WHERE cooperative_id = ?" + inMembers
                        + " AND posted_on BETWEEN ? AND ? AND " + key + " >= (?, ?, ?, ?) AND " + key + " <= (?, ?, ?, ?)"
                        + " ORDER BY " + ORDER)
                .params(span)
                .query(rs -> {
                    BigDecimal total = balance.merge(rs.getObject("member_id", UUID.class), rs.getBigDecimal("amount"),
                            BigDecimal::add);
                    after.put(rs.getString("event_id") + "#" + rs.getInt("line"), total);
                });

        return page.stream().map(posting -> {
            JournalLine line = posting.line();
            BigDecimal total = after.get(line.eventId() + "#" + line.line());
            if (line.memberId() == null || total == null) {
                return line;
            }
            // The member's account is a liability: its credit (negative) is what the cooperative owes them.
            return new JournalLine(line.eventId(), line.line(), line.date(), line.description(), line.category(),
                    line.account(), line.memberId(), line.amount(), new Money(total.negate(), line.amount().currency()),
                    line.vat());
        }).toList();
    }

    @QueryHandler
    List<JournalLine> handle(FindPostings query) {
        // The exports need no member balances: a plain ordered read.
        return jdbc.sql("SELECT p.* FROM ledger_postings p WHERE p.cooperative_id = ? ORDER BY " + ORDER)
                .param(query.cooperativeId().value())
                .query(LedgerReads::line)
                .list();
    }

    @QueryHandler
    List<CategoryTotal> handle(FindCategoryTotals query) {
        List<Object> params = new ArrayList<>();
        params.add(query.cooperativeId().value());
        params.add("expenses:%");
        StringBuilder where = new StringBuilder();
        if (query.from() != null) {
            where.append(" AND posted_on >= ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            where.append(" AND posted_on <= ?");
            params.add(query.to());
        }
        return jdbc.sql("""
                        SELECT EXTRACT(YEAR FROM posted_on) AS y, EXTRACT(MONTH FROM posted_on) AS m, category, currency,
                            SUM(amount) AS total, SUM(COALESCE(vat, 0)) AS vat
                        FROM ledger_postings WHERE cooperative_id = ? AND account LIKE ?""" + where + """
                         GROUP BY EXTRACT(YEAR FROM posted_on), EXTRACT(MONTH FROM posted_on), category, currency
                        ORDER BY y, m, category""")
                .params(params)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new CategoryTotal(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getString("category"),
                            new Money(rs.getBigDecimal("total"), currency), new Money(rs.getBigDecimal("vat"), currency));
                })
                .list();
    }

    @QueryHandler
    InputVat handle(FindInputVat query) {
        BigDecimal[] quarters = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        jdbc.sql("""
                        SELECT EXTRACT(MONTH FROM posted_on) AS m, SUM(amount) AS total FROM ledger_postings
                        WHERE cooperative_id = ? AND account = ? AND posted_on BETWEEN ? AND ?
                        GROUP BY EXTRACT(MONTH FROM posted_on)""")
                .params(query.cooperativeId().value(), Accounts.INPUT_VAT, LocalDate.of(query.year(), 1, 1),
                        LocalDate.of(query.year(), 12, 31))
                .query((RowCallbackHandler) rs -> {
                    int quarter = (rs.getInt("m") - 1) / 3;
                    quarters[quarter] = quarters[quarter].add(rs.getBigDecimal("total"));
                });
        return new InputVat(query.year(), Arrays.stream(quarters).map(q -> new Money(q, query.currency())).toList());
    }

    private static JournalLine line(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        UUID member = rs.getObject("member_id", UUID.class);
        BigDecimal vat = rs.getBigDecimal("vat");
        return new JournalLine(rs.getString("event_id"), rs.getInt("line"), rs.getObject("posted_on", LocalDate.class),
                rs.getString("description"), rs.getString("category"), rs.getString("account"),
                member == null ? null : new MemberId(member), new Money(rs.getBigDecimal("amount"), currency),
                null, vat == null ? null : new Money(vat, currency));
    }

    /** A journal line with the rest of its place in the books' order. */
    private record PlacedLine(JournalLine line, long recordedAt) {
        LocalDate postedOn() {
            return line.date();
        }

        UUID member() {
            return line.memberId() == null ? null : line.memberId().value();
        }
    }
}
