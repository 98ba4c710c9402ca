package coop.cooperative.app.riskpool;

import coop.cooperative.projections.riskpool.RiskPoolQueries.AnnouncedChange;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindAnnouncedChanges;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Makes the tier changes and leavings announced for a day that has come (the fund's fixed dates),
 * daily and once at start-up. The pool refuses a change already made (409) and its optimistic lock
 * a concurrent second one, so a restart or a second node never makes one twice.
 */
@Component
class AnnouncedPoolChanges {

    private static final Logger log = LoggerFactory.getLogger(AnnouncedPoolChanges.class);

    private final RiskPoolMembership pool;
    private final QueryGateway queries;
    private final Clock clock;

    AnnouncedPoolChanges(RiskPoolMembership pool, QueryGateway queries, Clock clock) {
        this.pool = pool;
        this.queries = queries;
        this.clock = clock;
    }

    @Scheduled(cron = "${cooperative.risk-pool.payouts-cron:0 15 2 * * *}")
    @EventListener(ApplicationReadyEvent.class)
    void makeDueChanges() {
        try {
            makeChangesDueOn(LocalDate.now(clock));
        } catch (RuntimeException e) {
            log.error("announced risk-pool changes could not be made; the next run tries again", e);
        }
    }

    /** The announced changes due on or before {@code today}, each sent once (already validated on announcing). */
    int makeChangesDueOn(LocalDate today) {
        List<AnnouncedChange> due = queries.query(new FindAnnouncedChanges(today),
                ResponseTypes.multipleInstancesOf(AnnouncedChange.class)).join();
        int made = 0;
        for (AnnouncedChange change : due) {
            if (change.tierOn() != null && made(() -> pool.changeTierOnTheDay(change.cooperativeId(), change.memberId(),
                    change.tier(), change.tierOn(), today))) {
                made++;
            }
            if (change.leavesOn() != null && made(() -> pool.leaveOnTheDay(change.cooperativeId(), change.memberId(),
                    change.leavesOn(), today))) {
                made++;
            }
        }
        return made;
    }

    private boolean made(Runnable change) {
        try {
            change.run();
            return true;
        } catch (RuntimeException e) {
            String refused = PoolRefusals.of(e).orElseThrow(() -> e);
            log.info("Announced risk-pool change not made: {}", refused);
            return false;
        }
    }
}
