package coop.cooperative.app.riskpool;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.riskpool.ClaimPrivacy;
import coop.cooperative.app.riskpool.PoolFigures;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimStatus;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.WithheldMonth;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindPoolHistory;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindRiskPool;
import coop.cooperative.projections.riskpool.RiskPoolQueries.PoolMonth;
import coop.cooperative.projections.riskpool.RiskPoolQueries.RiskPoolView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The risk pool as every member sees it: balance, reserve, enrolment against the minimum, open
 * claims and what they pay out each month, and the balance over time (chart and table). A claim's
 * reason is never shown here; the claimant's name only to the claimant, treasurers and admins, as
 * for the claim's details in the API: other members see that a colleague has an open claim.
 */
@Controller
class RiskPoolPage {

    private final CooperativeAccess access;
    private final MemberProfiles profiles;
    private final QueryGateway queries;
    private final ClaimPrivacy claims;
    private final Clock clock;

    RiskPoolPage(CooperativeAccess access, MemberProfiles profiles, QueryGateway queries, ClaimPrivacy claims,
                 Clock clock) {
        this.claims = claims;
        this.access = access;
        this.profiles = profiles;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/cooperatives/{cooperativeId}/risk-pool")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    String pool(@PathVariable CooperativeId cooperativeId, Model model) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        RiskPoolView pool = queries.query(new FindRiskPool(cooperativeId), RiskPoolView.class).join();
        Money zero = Money.zero(cooperative.currency());
        Money balance = pool.balance() != null ? pool.balance() : zero;
        List<ClaimView> open = pool.claims().stream().filter(ClaimView::isOpen).toList();
        Money monthlyPayouts = PoolFigures.monthlyPayouts(open, zero);
        MemberId me = access.currentMember(cooperativeId).map(m -> m.memberId()).orElse(null);
        Map<MemberId, String> names = profiles.names(cooperativeId);
        YearMonth thisMonth = YearMonth.now(clock);

        model.addAttribute("cooperative", cooperative);
        model.addAttribute("currency", cooperative.currency());
        model.addAttribute("opened", pool.currency() != null);
        model.addAttribute("balance", balance);
        model.addAttribute("monthlyPayouts", monthlyPayouts);
        model.addAttribute("reserveMonths", PoolFigures.reserveMonths(balance, monthlyPayouts));
        model.addAttribute("enrolled", pool.members().size());
        model.addAttribute("minimum", cooperative.policies().riskPoolMinimumMembers());
        model.addAttribute("maximum", cooperative.policies().riskPoolMaximumMembers());
        model.addAttribute("claims", open.stream().map(c -> new OpenClaim(c.claimId(),
                claims.maySee(cooperativeId, c.memberId()) ? names.get(c.memberId()) : null, c.memberId().equals(me),
                c, nextMonth(c, thisMonth))).toList());
        model.addAttribute("withheld", pool.claims().stream().flatMap(c -> c.withheld().stream().map(w ->
                new Withheld(claims.maySee(cooperativeId, c.memberId()) ? names.get(c.memberId()) : null,
                        c.memberId().equals(me), w))).toList());
        model.addAttribute("history", withThisMonth(queries.query(new FindPoolHistory(cooperativeId),
                ResponseTypes.multipleInstancesOf(PoolMonth.class)).join(), thisMonth, zero));
        return "risk-pool";
    }

    /**
     * The next month an approved claim will pay: the first month from the end of its waiting period
     * that is not settled yet, unless the claim ended before it. Null for a filed (not yet approved) claim.
     */
    static YearMonth nextMonth(ClaimView claim, YearMonth thisMonth) {
        if (claim.status() != ClaimStatus.APPROVED || claim.monthsLeft() <= 0) {
            return null;
        }
        YearMonth month = YearMonth.from(claim.payableFrom());
        while (claim.monthsSettled().contains(month)) {
            month = month.plusMonths(1);
        }
        if (month.isAfter(YearMonth.from(claim.payableUntil()))) {
            return null;
        }
        return month;
    }

    /** The history runs to this month, so a quiet month still shows the balance it kept. */
    private static List<PoolMonth> withThisMonth(List<PoolMonth> history, YearMonth thisMonth, Money zero) {
        List<PoolMonth> months = new ArrayList<>(history);
        if (months.isEmpty()) {
            return months;
        }
        PoolMonth last = months.get(months.size() - 1);
        for (YearMonth m = last.month().plusMonths(1); !m.isAfter(thisMonth); m = m.plusMonths(1)) {
            months.add(new PoolMonth(m, zero, zero, last.balance()));
        }
        return months;
    }

    /** A month withheld from a claim, and why; {@code claimant} is null where the reader may not see who it is. */
    record Withheld(String claimant, boolean mine, WithheldMonth month) {
    }

    /** An open claim as the page shows it; {@code claimant} is null where the reader may not see who it is. */
    record OpenClaim(ClaimId claimId, String claimant, boolean mine, ClaimView claim, YearMonth nextMonth) {
    }
}
