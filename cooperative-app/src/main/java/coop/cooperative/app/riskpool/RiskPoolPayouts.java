package coop.cooperative.app.riskpool;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.core.riskpool.api.PayoutCalendar;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.PayClaimMonth;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ReturnAboveCap;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindPayableClaims;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pays the months that are due: every day (and once at start-up, to catch up after downtime) it
 * reads the approved claims from the read model and sends one {@link PayClaimMonth} per claim and
 * month not yet settled. The pool refuses a month it has already settled, and its optimistic lock
 * refuses a concurrent second payment, so a restart or a second node never pays twice.
 */
@Service
class RiskPoolPayouts {

    private static final Logger log = LoggerFactory.getLogger(RiskPoolPayouts.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final CooperativeAccess access;
    private final Clock clock;
    private final boolean atStartUp;

    RiskPoolPayouts(CommandGateway commands, QueryGateway queries, CooperativeAccess access, Clock clock,
                    @Value("${cooperative.risk-pool.payouts-at-start-up:true}") boolean atStartUp) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.clock = clock;
        this.atStartUp = atStartUp;
    }

    @Scheduled(cron = "${cooperative.risk-pool.payouts-cron:0 15 2 * * *}")
    void daily() {
        run("daily");
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        if (atStartUp) {
            run("start-up");
        }
    }

    /**
     * A run pays at most each payable claim's months that have passed (25 at the most); one that fails is logged
     * and tried again by the next, and never keeps the application from starting.
     */
    private void run(String which) {
        try {
            payDue(null, LocalDate.now(clock));
        } catch (RuntimeException e) {
            log.error("the {} run of risk-pool payouts failed; the next run tries again", which, e);
        }
    }

    /** What one run did for one claim and month. */
    record Outcome(String claimId, YearMonth month, String result) {
    }

    /** Sends the due payouts, of one cooperative or (null) all, as of {@code today}. */
    List<Outcome> payDue(CooperativeId only, LocalDate today) {
        List<Outcome> outcomes = new ArrayList<>();
        List<ClaimView> claims = queries.query(new FindPayableClaims(), ResponseTypes.multipleInstancesOf(ClaimView.class))
                .join();
        for (ClaimView claim : claims) {
            if (only != null && !claim.cooperativeId().equals(only)) {
                continue;
            }
            if (claim.payableUntil().isBefore(claim.payableFrom())) {
                continue; // ended within its waiting period: nothing is ever paid
            }
            int minimum = access.cooperative(claim.cooperativeId()).policies().riskPoolMinimumMembers();
            // Each month once the days it covers have passed (PayoutCalendar), up to the claim's last paid day.
            YearMonth last = YearMonth.from(claim.payableUntil());
            for (YearMonth month = YearMonth.from(claim.payableFrom()); !month.isAfter(last)
                    && !today.isBefore(PayoutCalendar.dueOn(month, claim.payableUntil())); month = month.plusMonths(1)) {
                if (!claim.monthsSettled().contains(month)) {
                    outcomes.add(new Outcome(claim.claimId().toString(), month, pay(claim, month, minimum, today)));
                }
            }
        }
        return outcomes;
    }

    /** Pays one month of a claim on {@code paidOn}, if the pool has enough members to pay it then. */
    void payMonth(CooperativeId cooperativeId, ClaimId claimId, YearMonth month, LocalDate paidOn) {
        commands.sendAndWait(new PayClaimMonth(RiskPoolId.of(cooperativeId), claimId, month,
                access.cooperative(cooperativeId).policies().riskPoolMinimumMembers(), paidOn));
    }

    /** At the end of {@code year}: returns to each member what their account holds above the cap. */
    void returnAboveCap(CooperativeId cooperativeId, int year) {
        commands.sendAndWait(new ReturnAboveCap(RiskPoolId.of(cooperativeId), year, LocalDate.now(clock)));
    }

    private String pay(ClaimView claim, YearMonth month, int minimum, LocalDate today) {
        try {
            commands.sendAndWait(new PayClaimMonth(RiskPoolId.of(claim.cooperativeId()), claim.claimId(), month, minimum,
                    today));
            return "SETTLED";
        } catch (RuntimeException e) {
            Optional<String> refused = PoolRefusals.of(e);
            if (refused.isPresent()) {
                // Already settled (here, after a restart, or on another node) or not payable: nothing to do.
                log.info("Payout of claim {} for {} not made: {}", claim.claimId(), month, refused.get());
                return "REFUSED: " + refused.get();
            }
            log.error("Payout of claim {} for {} failed; the next run retries it", claim.claimId(), month, e);
            return "FAILED";
        }
    }
}
