package coop.cooperative.app.riskpool;

import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The pool's figures as the API and the risk-pool page both show them. */
public final class PoolFigures {

    private PoolFigures() {
    }

    /** What the approved open claims pay out each month: the sum of their tiers. */
    public static Money monthlyPayouts(List<ClaimView> claims, Money zero) {
        return claims.stream().filter(c -> c.isOpen() && c.approvedOn() != null && c.tier() != null)
                .map(ClaimView::tier).reduce(zero, Money::plus);
    }

    /** The balance in months of those payouts, one decimal rounded down; null when nothing is paid out. */
    public static BigDecimal reserveMonths(Money balance, Money monthlyPayouts) {
        return monthlyPayouts.isZero() ? null
                : balance.amount().divide(monthlyPayouts.amount(), 1, RoundingMode.DOWN);
    }
}
