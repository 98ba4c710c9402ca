package coop.cooperative.app.periods;

import coop.cooperative.app.operations.RuleViewsParked;
import coop.cooperative.core.membership.api.MembershipCommands.ClosePeriod;
import coop.cooperative.core.membership.api.MembershipCommands.ReopenPeriod;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.OpenPeriods;
import coop.cooperative.projections.periods.PeriodQueries.ClosedPeriods;
import coop.cooperative.projections.periods.PeriodQueries.FindClosedPeriods;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The periods (months) of the books: closing and reopening them, and which are closed. It answers
 * the domain's {@link OpenPeriods}: every aggregate that dates an entry asks it, and it answers from
 * the periods view, so a period closed in the instant before an entry's command could still receive
 * it (see docs/books.md). While the periods or members view holds a parked event of the cooperative,
 * the answer is 503 rather than a guess.
 */
@Service
public class Periods implements OpenPeriods {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RuleViewsParked parked;
    private final Clock clock;

    Periods(CommandGateway commands, QueryGateway queries, RuleViewsParked parked, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.parked = parked;
        this.clock = clock;
    }

    public ClosedPeriods closed(CooperativeId cooperativeId) {
        return queries.query(new FindClosedPeriods(cooperativeId), ClosedPeriods.class).join();
    }

    /** Closes a month that has ended (the cooperative refuses one that has not, or is closed already). */
    public void close(CooperativeId cooperativeId, YearMonth month) {
        parked.requireNoneParked(cooperativeId);
        commands.sendAndWait(new ClosePeriod(cooperativeId, month, LocalDate.now(clock)));
    }

    public void reopen(CooperativeId cooperativeId, YearMonth month, String reason) {
        parked.requireNoneParked(cooperativeId);
        commands.sendAndWait(new ReopenPeriod(cooperativeId, month, reason));
    }

    @Override
    public boolean isOpen(CooperativeId cooperativeId, YearMonth month) {
        parked.requireNoneParked(cooperativeId);
        return !closed(cooperativeId).periods().contains(month);
    }
}
