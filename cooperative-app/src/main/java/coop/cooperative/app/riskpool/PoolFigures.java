package coop.cooperative.app.riskpool;

import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.PoolMember;
import coop.cooperative.projections.riskpool.RiskPoolQueries.RiskPoolView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The pool's figures as the API and the risk-pool page both show them. */
public final class PoolFigures {

    private PoolFigures() {
    }

    /**
     * What the pool pays out each month: the tiers of the claims that are approved, open and have
     * months left ({@link ClaimView#isPaying()}), the same claims the projection counts.
     */
    public static Money monthlyPayouts(List<ClaimView> claims, Money zero) {
        return claims.stream().filter(ClaimView::isPaying).map(ClaimView::tier).reduce(zero, Money::plus);
    }

    /** The balance in months of those payouts, one decimal rounded down; null when nothing is paid out. */
    public static BigDecimal reserveMonths(Money balance, Money monthlyPayouts) {
        return monthlyPayouts.isZero() ? null
                : balance.amount().divide(monthlyPayouts.amount(), 1, RoundingMode.DOWN);
    }

    /**
     * The pool's balance at the end of each of the twelve months after {@code month} if every member
     * keeps depositing and every approved open claim is paid in full until its 24 months are used.
     */
    public static List<ProjectedMonth> projection(RiskPoolView pool, Money zero, YearMonth month) {
        Money deposits = pool.members().stream().map(PoolMember::monthlyDeposit).reduce(zero, Money::plus);
        List<ClaimView> paying = pool.claims().stream().filter(ClaimView::isPaying).toList();
        Money balance = pool.balance() != null ? pool.balance() : zero;
        List<ProjectedMonth> months = new ArrayList<>();
        for (int ahead = 1; ahead <= 12; ahead++) {
            int monthsAhead = ahead;
            Money out = paying.stream().filter(c -> c.monthsLeft() >= monthsAhead).map(ClaimView::tier)
                    .reduce(zero, Money::plus);
            balance = balance.plus(deposits).minus(out);
            months.add(new ProjectedMonth(month.plusMonths(ahead), deposits.toString(), out.toString(), balance.toString()));
        }
        return months;
    }

    public record ProjectedMonth(YearMonth month, String deposits, String payouts, String balance) {
    }
}
