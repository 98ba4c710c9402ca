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
}
