package coop.cooperative.app.costs;

import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.costs.api.Frequency;
import coop.cooperative.core.costs.api.RecurringCostId;
import coop.cooperative.core.costs.api.RecurringCostCommands.SetUpRecurringCost;
import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.RecurringCostCommands.SubmitOccurrence;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.projections.costs.CostQueries.DueOccurrence;
import coop.cooperative.projections.costs.CostQueries.FindDueOccurrences;
import coop.cooperative.projections.costs.CostQueries.RecurringCostView;
import org.axonframework.commandhandling.CommandExecutionException;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Submits the due occurrences of recurring costs: at start-up and then every hour. Each
 * occurrence is first claimed on its recurring cost (which refuses a date twice, guarded by the
 * event store's optimistic lock), then created as a shared cost under the id it was claimed with;
 * a run that stopped between the two finishes the creation on the next run, and a second creation
 * under the same id is refused by the event store. So every occurrence becomes exactly one cost,
 * across restarts and nodes.
 */
@Service
public class RecurringCosts {

    private static final Logger log = LoggerFactory.getLogger(RecurringCosts.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final SharedCosts costs;
    private final ProjectionCatchUp views;
    private final Clock clock;
    private final boolean enabled;
    /** The occurrences whose refusal was logged already (by this node, since it started). */
    private final Set<CostId> reported = ConcurrentHashMap.newKeySet();

    RecurringCosts(CommandGateway commands, QueryGateway queries, SharedCosts costs,
                   ProjectionCatchUp views, Clock clock,
                   @Value("${cooperative.recurring-costs.enabled:true}") boolean enabled) {
        this.commands = commands;
        this.queries = queries;
        this.costs = costs;
        this.views = views;
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        run("start-up");
    }

    @Scheduled(cron = "${cooperative.recurring-costs.cron:0 5 * * * *}")
    void hourly() {
        run("hourly");
    }

    /** A run that fails is logged and tried again next hour; it never keeps the application from starting. */
    private void run(String which) {
        if (!enabled) {
            return;
        }
        try {
            submitDue(LocalDate.now(clock));
        } catch (RuntimeException e) {
            log.error("the {} run of recurring costs failed; the next run tries again", which, e);
        }
    }

    /**
     * Sets up a recurring cost and submits its occurrences due by today. An EQUAL split without
     * participants stays open: everyone active on each occurrence's date.
     */
    public RecurringCostId setUp(CooperativeId cooperativeId, String description, Money amount, String category,
                                 MemberId paidBy, Split split, Frequency frequency, LocalDate firstDate, LocalDate endDate,
                                 MemberId setUpBy) {
        RecurringCostId id = RecurringCostId.random();
        LocalDate today = LocalDate.now(clock);
        commands.sendAndWait(new SetUpRecurringCost(id, cooperativeId, description, amount, category, paidBy, split,
                frequency, firstDate, endDate, setUpBy, today));
        submitDue(today);
        return id;
    }

    /** Submits every occurrence due on or before {@code today}; answers how many costs this run created. */
    public int submitDue(LocalDate today) {
        views.await();
        List<DueOccurrence> due = queries.query(new FindDueOccurrences(today),
                ResponseTypes.multipleInstancesOf(DueOccurrence.class)).join();
        int created = 0;
        for (DueOccurrence occurrence : due) {
            if (submit(occurrence, today)) {
                created++;
            }
        }
        return created;
    }

    private boolean submit(DueOccurrence occurrence, LocalDate today) {
        RecurringCostView recurring = occurrence.recurringCost();
        CostId costId = occurrence.claimedAs();
        if (costId == null) {
            costId = CostId.random();
            try {
                commands.sendAndWait(new SubmitOccurrence(recurring.recurringCostId(), occurrence.date(), costId));
            } catch (RuntimeException e) {
                // Claimed already (by another run or node): that run creates the cost, or the next one does.
                log.debug("occurrence {} of {} not claimed: {}", occurrence.date(), recurring.recurringCostId(), e.getMessage());
                return false;
            }
        }
        try {
            costs.share(recurring.cooperativeId(), costId, new SharedCosts.NewCost(recurring.description(),
                            recurring.amount(), occurrence.date(), recurring.category(), recurring.paidBy(),
                            recurring.split()),
                    recurring.setUpBy(), today, recurring.recurringCostId());
            return true;
        } catch (DomainException | CommandExecutionException e) {
            // the same refusal comes back every hour until someone acts: worth one warning, not one a run
            boolean firstTime = reported.add(costId);
            if (firstTime) {
                log.warn("occurrence {} of recurring cost {} was claimed but not shared: {}", occurrence.date(),
                        recurring.recurringCostId(), e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            // Most often: the cost with this id exists already (created by a concurrent run).
            log.debug("occurrence {} of {} not created: {}", occurrence.date(), recurring.recurringCostId(), e.toString());
            return false;
        }
    }
}
