package coop.cooperative.projections.riskpool;

import coop.cooperative.core.riskpool.api.PayoutCalendar;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.riskpool.RiskPoolQueries.AccountEntry;
import coop.cooperative.projections.riskpool.RiskPoolQueries.AnnouncedChange;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindAnnouncedChanges;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimStatus;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.EntryKind;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindAccountHistory;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindClaim;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindPayableClaims;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindPoolHistory;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindRiskPool;
import coop.cooperative.projections.riskpool.RiskPoolQueries.PoolMember;
import coop.cooperative.projections.riskpool.RiskPoolQueries.PoolMonth;
import coop.cooperative.projections.riskpool.RiskPoolQueries.RiskPoolView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.WithheldMonth;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Answers the risk pool's queries from the tables {@link RiskPoolProjection} fills. It belongs to the
 * same processing group, the view it reads: while that view is rebuilt, its queries are refused rather
 * than answered from half-replayed tables.
 */
@Component
@ProcessingGroup("risk-pool")
class RiskPoolReads {

    private final JdbcClient jdbc;

    RiskPoolReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    RiskPoolView handle(FindRiskPool query) {
        UUID cooperative = query.cooperativeId().value();
        Optional<Currency> currency = currencyOf(cooperative);
        if (currency.isEmpty()) {
            return new RiskPoolView(query.cooperativeId(), null, null, List.of(), List.of());
        }
        Currency c = currency.get();
        Map<UUID, BigDecimal> accounts = new HashMap<>();
        jdbc.sql("SELECT member_id, SUM(amount) AS balance FROM risk_pool_entries WHERE cooperative_id = ? GROUP BY member_id")
                .param(cooperative)
                .query(rs -> {
                    accounts.put(rs.getObject("member_id", UUID.class), rs.getBigDecimal("balance"));
                });
        List<PoolMember> members = jdbc.sql("""
                        SELECT member_id, tier, monthly_deposit, enrolled_on, tier_changed_on, next_tier, next_tier_on,
                               leaves_on FROM risk_pool_members
                        WHERE cooperative_id = ? AND left_on IS NULL ORDER BY enrolled_on, member_id""")
                .param(cooperative)
                .query((rs, row) -> {
                    UUID member = rs.getObject("member_id", UUID.class);
                    return new PoolMember(new MemberId(member), money(rs.getBigDecimal("tier"), c),
                            money(rs.getBigDecimal("monthly_deposit"), c),
                            money(accounts.getOrDefault(member, BigDecimal.ZERO), c),
                            rs.getObject("enrolled_on", LocalDate.class), rs.getObject("tier_changed_on", LocalDate.class),
                            rs.getBigDecimal("next_tier") == null ? null : money(rs.getBigDecimal("next_tier"), c),
                            rs.getObject("next_tier_on", LocalDate.class), rs.getObject("leaves_on", LocalDate.class));
                })
                .list();
        BigDecimal balance = accounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new RiskPoolView(query.cooperativeId(), c.getCurrencyCode(), money(balance, c), members,
                claims("r.cooperative_id = ?", cooperative, c));
    }

    @QueryHandler
    List<AnnouncedChange> handle(FindAnnouncedChanges query) {
        return jdbc.sql("""
                        SELECT m.cooperative_id, m.member_id, m.next_tier, m.next_tier_on, m.leaves_on, p.currency
                        FROM risk_pool_members m JOIN risk_pools p ON p.cooperative_id = m.cooperative_id
                        WHERE m.left_on IS NULL AND (m.next_tier_on <= ? OR m.leaves_on <= ?)
                        ORDER BY m.cooperative_id, m.member_id""")
                .params(query.upTo(), query.upTo())
                .query((rs, row) -> {
                    BigDecimal tier = rs.getBigDecimal("next_tier");
                    LocalDate tierOn = rs.getObject("next_tier_on", LocalDate.class);
                    LocalDate leavesOn = rs.getObject("leaves_on", LocalDate.class);
                    boolean tierDue = tierOn != null && !tierOn.isAfter(query.upTo());
                    return new AnnouncedChange(new CooperativeId(rs.getObject("cooperative_id", UUID.class)),
                            new MemberId(rs.getObject("member_id", UUID.class)),
                            tierDue ? money(tier, Currency.getInstance(rs.getString("currency").strip())) : null,
                            tierDue ? tierOn : null,
                            leavesOn != null && !leavesOn.isAfter(query.upTo()) ? leavesOn : null);
                })
                .list();
    }

    @QueryHandler
    List<AccountEntry> handle(FindAccountHistory query) {
        Optional<Currency> currency = currencyOf(query.cooperativeId().value());
        if (currency.isEmpty()) {
            return List.of();
        }
        Currency c = currency.get();
        List<AccountEntry> entries = new ArrayList<>();
        BigDecimal[] running = {BigDecimal.ZERO};
        jdbc.sql("""
                        SELECT entry_date, kind, amount, period, claim_id FROM risk_pool_entries
                        WHERE cooperative_id = ? AND member_id = ? ORDER BY seq_no, entry_date, event_id""")
                .params(query.cooperativeId().value(), query.memberId().value())
                .query(rs -> {
                    running[0] = running[0].add(rs.getBigDecimal("amount"));
                    UUID claim = rs.getObject("claim_id", UUID.class);
                    String period = rs.getString("period");
                    entries.add(new AccountEntry(rs.getObject("entry_date", LocalDate.class),
                            EntryKind.valueOf(rs.getString("kind")), money(rs.getBigDecimal("amount"), c),
                            period == null ? null : YearMonth.parse(period), claim == null ? null : new ClaimId(claim),
                            money(running[0], c)));
                });
        return entries;
    }

    @QueryHandler
    List<PoolMonth> handle(FindPoolHistory query) {
        Optional<Currency> currency = currencyOf(query.cooperativeId().value());
        if (currency.isEmpty()) {
            return List.of();
        }
        Currency c = currency.get();
        // Summed per day in SQL and per month here: entry days are few, and the SQL stays the same on H2 and PostgreSQL.
        TreeMap<YearMonth, BigDecimal[]> months = new TreeMap<>();
        jdbc.sql("""
                        SELECT entry_date, SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS paid_in,
                               SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS paid_out
                        FROM risk_pool_entries WHERE cooperative_id = ? GROUP BY entry_date""")
                .param(query.cooperativeId().value())
                .query(rs -> {
                    BigDecimal[] month = months.computeIfAbsent(YearMonth.from(rs.getObject("entry_date", LocalDate.class)),
                            m -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                    month[0] = month[0].add(rs.getBigDecimal("paid_in"));
                    month[1] = month[1].add(rs.getBigDecimal("paid_out"));
                });
        List<PoolMonth> history = new ArrayList<>();
        if (months.isEmpty()) {
            return history;
        }
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal[] none = {BigDecimal.ZERO, BigDecimal.ZERO};
        YearMonth last = months.lastKey();
        for (YearMonth m = months.firstKey(); !m.isAfter(last); m = m.plusMonths(1)) {
            BigDecimal[] flows = months.getOrDefault(m, none);
            balance = balance.add(flows[0]).subtract(flows[1]);
            history.add(new PoolMonth(m, money(flows[0], c), money(flows[1], c), money(balance, c)));
        }
        return history;
    }

    @QueryHandler
    Optional<ClaimView> handle(FindClaim query) {
        Optional<UUID> cooperative = jdbc.sql("SELECT cooperative_id FROM risk_pool_claims WHERE claim_id = ?")
                .param(query.claimId().value()).query(UUID.class).optional();
        return cooperative.flatMap(coop -> claims("r.claim_id = ?", query.claimId().value(),
                currencyOf(coop).orElseThrow()).stream().findFirst());
    }

    @QueryHandler
    List<ClaimView> handle(FindPayableClaims query) {
        List<ClaimView> payable = new ArrayList<>();
        jdbc.sql("SELECT cooperative_id, currency FROM risk_pools")
                .query(rs -> {
                    UUID coop = rs.getObject("cooperative_id", UUID.class);
                    payable.addAll(claims("r.cooperative_id = ? AND r.approved_on IS NOT NULL", coop,
                            Currency.getInstance(rs.getString("currency").strip())));
                });
        return payable.stream().filter(c -> c.monthsLeft() > 0).toList();
    }

    private List<ClaimView> claims(String where, UUID key, Currency c) {
        Map<UUID, Set<YearMonth>> settled = new HashMap<>();
        Map<UUID, List<WithheldMonth>> withheld = new HashMap<>();
        Map<UUID, BigDecimal[]> sums = new HashMap<>();
        jdbc.sql("SELECT p.claim_id, p.period, p.paid, p.shortfall, p.withheld, p.enrolled_members, p.minimum_members "
                        + "FROM risk_pool_payouts p JOIN risk_pool_claims r ON r.claim_id = p.claim_id WHERE " + where
                        + " ORDER BY p.period")
                .param(key)
                .query(rs -> {
                    UUID claim = rs.getObject("claim_id", UUID.class);
                    YearMonth period = YearMonth.parse(rs.getString("period"));
                    settled.computeIfAbsent(claim, k -> new TreeSet<>()).add(period);
                    if (rs.getBoolean("withheld")) {
                        withheld.computeIfAbsent(claim, k -> new ArrayList<>()).add(new WithheldMonth(period,
                                rs.getObject("enrolled_members", Integer.class), rs.getObject("minimum_members", Integer.class)));
                    }
                    BigDecimal[] s = sums.computeIfAbsent(claim, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO,
                            BigDecimal.ZERO});
                    s[0] = s[0].add(rs.getBigDecimal("paid"));
                    s[1] = s[1].add(rs.getBigDecimal("shortfall"));
                    if (!rs.getBoolean("withheld")) {
                        s[2] = s[2].add(BigDecimal.ONE);
                    }
                });
        return jdbc.sql("""
                        SELECT r.*, m.tier FROM risk_pool_claims r
                        LEFT JOIN risk_pool_members m ON m.cooperative_id = r.cooperative_id AND m.member_id = r.member_id
                        WHERE\s""" + where + " ORDER BY r.start_date, r.claim_id")
                .param(key)
                .query((rs, row) -> claim(rs, c, settled, withheld, sums))
                .list();
    }

    /** A claim with the aggregate's reckoning ({@link PayoutCalendar}) of its last paid day and the months left. */
    private static ClaimView claim(ResultSet rs, Currency c, Map<UUID, Set<YearMonth>> settled,
                                   Map<UUID, List<WithheldMonth>> withheldMonths, Map<UUID, BigDecimal[]> sums)
            throws SQLException {
        UUID id = rs.getObject("claim_id", UUID.class);
        BigDecimal[] s = sums.getOrDefault(id, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        int paid = s[2].intValue();
        int carried = rs.getInt("months_carried");
        UUID continues = rs.getObject("continues_claim_id", UUID.class);
        BigDecimal tier = rs.getBigDecimal("tier");
        LocalDate payableFrom = rs.getObject("payable_from", LocalDate.class);
        LocalDate endDate = rs.getObject("end_date", LocalDate.class);
        TreeSet<YearMonth> monthsSettled = new TreeSet<>(settled.getOrDefault(id, Set.of()));
        List<WithheldMonth> withheld = withheldMonths.getOrDefault(id, List.of());
        LocalDate lastPaidDay = PayoutCalendar.lastPaidDay(payableFrom, carried, withheld.size(), endDate);
        YearMonth next = monthsSettled.isEmpty() ? YearMonth.from(payableFrom)
                : monthsSettled.last().plusMonths(1);
        int monthsLeft = lastPaidDay.isBefore(payableFrom) ? 0 : PayoutCalendar.monthsFrom(next, lastPaidDay);
        UUID approvedBy = rs.getObject("approved_by", UUID.class);
        return new ClaimView(new ClaimId(id), new CooperativeId(rs.getObject("cooperative_id", UUID.class)),
                new MemberId(rs.getObject("member_id", UUID.class)), rs.getObject("start_date", LocalDate.class),
                payableFrom, ClaimStatus.valueOf(rs.getString("status")),
                rs.getObject("approved_on", LocalDate.class), endDate,
                continues == null ? null : new ClaimId(continues), carried, paid, monthsLeft,
                tier == null ? null : money(tier, c), money(s[0], c), money(s[1], c), Set.copyOf(monthsSettled),
                lastPaidDay, List.copyOf(withheld), rs.getObject("filed_on", LocalDate.class),
                approvedBy == null ? null : new MemberId(approvedBy));
    }

    private Optional<Currency> currencyOf(UUID cooperative) {
        return jdbc.sql("SELECT currency FROM risk_pools WHERE cooperative_id = ?").param(cooperative)
                .query(String.class).optional().map(code -> Currency.getInstance(code.strip()));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY), currency);
    }
}
