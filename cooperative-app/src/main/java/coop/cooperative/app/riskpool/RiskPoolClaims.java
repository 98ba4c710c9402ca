package coop.cooperative.app.riskpool;

import coop.cooperative.core.riskpool.api.RiskPoolCommands.FileClaim;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;

/** Files claims: the reason is stored in the same transaction as the command, so a refused claim leaves none. */
@Service
class RiskPoolClaims {

    private final CommandGateway commands;
    private final ClaimReasons reasons;
    private final Clock clock;

    RiskPoolClaims(CommandGateway commands, ClaimReasons reasons, Clock clock) {
        this.clock = clock;
        this.commands = commands;
        this.reasons = reasons;
    }

    /**
     * @param lateFiling the admin who accepts a start more than 30 days back, and why; null for a
     *                   claim filed in time
     */
    @Transactional
    ClaimId file(CooperativeId cooperativeId, MemberId memberId, LocalDate startDate, String reason,
                 LateFiling lateFiling) {
        return file(cooperativeId, memberId, startDate, reason, lateFiling, LocalDate.now(clock));
    }

    /** As filed on {@code filedOn}: for the demo's history. */
    @Transactional
    ClaimId file(CooperativeId cooperativeId, MemberId memberId, LocalDate startDate, String reason,
                 LateFiling lateFiling, LocalDate filedOn) {
        ClaimId claimId = ClaimId.random();
        reasons.add(claimId, cooperativeId, memberId, reason, lateFiling == null ? null : lateFiling.reason());
        commands.sendAndWait(new FileClaim(RiskPoolId.of(cooperativeId), claimId, memberId, startDate, filedOn,
                lateFiling == null ? null : lateFiling.acceptedBy()));
        return claimId;
    }

    /** An admin's acceptance of a claim filed more than 30 days after it started. */
    record LateFiling(MemberId acceptedBy, String reason) {
    }
}
