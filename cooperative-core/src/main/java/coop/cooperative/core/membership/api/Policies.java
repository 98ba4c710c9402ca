package coop.cooperative.core.membership.api;

import coop.cooperative.core.riskpool.api.PoolChangeDates;
import coop.cooperative.core.shared.Money;

import java.util.Currency;

/**
 * The rules a cooperative sets for itself. Founding gives the defaults; features that use a
 * policy read it from here.
 *
 * @param secondApprovalAbove     a shared cost above this amount needs two approvals
 * @param riskPoolMinimumMembers  enrolled members needed before the risk pool pays out
 * @param riskPoolMaximumMembers  the most members one risk pool takes
 * @param developmentBudgetPercent share of worked hours each member is expected to spend on development
 * @param maximumHoursPerWeek     the most hours per week a member may be assigned across projects
 * @param vatRegistered           whether the cooperative is registered for VAT: the VAT on its shared costs
 *                                is input VAT it reclaims, and members share the amounts net of it
 * @param riskPoolChangeDates     when a risk-pool member's change of tier or leaving takes effect: the first
 *                                day of a quarter (the default) or any day; null in cooperatives founded
 *                                before the policy existed, read as the default
 */
public record Policies(Money secondApprovalAbove,
                       int riskPoolMinimumMembers,
                       int riskPoolMaximumMembers,
                       int developmentBudgetPercent,
                       int maximumHoursPerWeek,
                       boolean vatRegistered,
                       PoolChangeDates riskPoolChangeDates) {

    public Policies {
        riskPoolChangeDates = riskPoolChangeDates == null ? PoolChangeDates.QUARTER_START : riskPoolChangeDates;
    }

    public static Policies defaults(Currency currency) {
        return new Policies(Money.of("2500.00", currency), 20, 50, 10, 40, false, PoolChangeDates.QUARTER_START);
    }

    public Policies withVatRegistered(boolean registered) {
        return new Policies(secondApprovalAbove, riskPoolMinimumMembers, riskPoolMaximumMembers,
                developmentBudgetPercent, maximumHoursPerWeek, registered, riskPoolChangeDates);
    }

    public Policies withRiskPoolChangeDates(PoolChangeDates changeDates) {
        return new Policies(secondApprovalAbove, riskPoolMinimumMembers, riskPoolMaximumMembers,
                developmentBudgetPercent, maximumHoursPerWeek, vatRegistered, changeDates);
    }
}
