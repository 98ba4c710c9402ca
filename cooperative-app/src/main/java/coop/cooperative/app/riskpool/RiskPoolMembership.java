package coop.cooperative.app.riskpool;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.core.membership.api.Policies;
import coop.cooperative.core.riskpool.api.PoolChangeDates;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ChangeTier;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.EnrolMember;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.LeaveRiskPool;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.RecordContribution;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Who is in the risk pool and what they deposit: enrolling, changing tier, leaving and the monthly
 * deposits. The cooperative's policies (the most and fewest members, the fund's fixed dates) are
 * read here and travel in the command; the pool decides.
 */
@Service
public class RiskPoolMembership {

    private final CommandGateway commands;
    private final CooperativeAccess access;
    private final Clock clock;

    RiskPoolMembership(CommandGateway commands, CooperativeAccess access, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.clock = clock;
    }

    public void enrol(CooperativeId cooperativeId, MemberId memberId, Money tier, LocalDate enrolledOn) {
        commands.sendAndWait(new EnrolMember(RiskPoolId.of(cooperativeId), cooperativeId, memberId, tier,
                policies(cooperativeId).riskPoolMaximumMembers(), enrolledOn));
    }

    /** @param effectiveOn the day the new tier applies, or null for the fund's next fixed date (today, if it is one) */
    public void changeTier(CooperativeId cooperativeId, MemberId memberId, Money tier, LocalDate effectiveOn) {
        PoolChangeDates changeDates = policies(cooperativeId).riskPoolChangeDates();
        LocalDate today = LocalDate.now(clock);
        commands.sendAndWait(new ChangeTier(RiskPoolId.of(cooperativeId), memberId, tier,
                effectiveOn != null ? effectiveOn : changeDates.firstFrom(today), changeDates, today));
    }

    public void leave(CooperativeId cooperativeId, MemberId memberId, LocalDate leftOn) {
        Policies policies = policies(cooperativeId);
        commands.sendAndWait(new LeaveRiskPool(RiskPoolId.of(cooperativeId), memberId, leftOn,
                policies.riskPoolMinimumMembers(), policies.riskPoolChangeDates(), LocalDate.now(clock)));
    }

    /**
     * Leaves on exactly {@code leftOn}, fixed date or not, as of {@code today}: for leaving the cooperative,
     * and for a leaving announced earlier for a fixed date that has come.
     */
    public void leaveOnTheDay(CooperativeId cooperativeId, MemberId memberId, LocalDate leftOn, LocalDate today) {
        commands.sendAndWait(new LeaveRiskPool(RiskPoolId.of(cooperativeId), memberId, leftOn,
                policies(cooperativeId).riskPoolMinimumMembers(), PoolChangeDates.ANY_DAY, today));
    }

    /** Makes a tier change announced earlier for {@code changedOn}, a day that has come by {@code today}. */
    public void changeTierOnTheDay(CooperativeId cooperativeId, MemberId memberId, Money tier, LocalDate changedOn,
                                   LocalDate today) {
        commands.sendAndWait(new ChangeTier(RiskPoolId.of(cooperativeId), memberId, tier, changedOn,
                PoolChangeDates.ANY_DAY, today));
    }

    /** A member's deposit for {@code month}, paid today. */
    public void recordDeposit(CooperativeId cooperativeId, MemberId memberId, YearMonth month) {
        recordDeposit(cooperativeId, memberId, month, LocalDate.now(clock));
    }

    /** As paid on {@code paidOn}: for the demo's history. */
    public void recordDeposit(CooperativeId cooperativeId, MemberId memberId, YearMonth month, LocalDate paidOn) {
        commands.sendAndWait(new RecordContribution(RiskPoolId.of(cooperativeId), memberId, month, paidOn));
    }

    private Policies policies(CooperativeId cooperativeId) {
        return access.cooperative(cooperativeId).policies();
    }
}
