package coop.cooperative.app.hours;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.books.BookQueries.FindJournal;
import coop.cooperative.projections.books.BookQueries.JournalLine;
import coop.cooperative.projections.books.BookQueries.JournalPage;
import coop.cooperative.projections.costs.CostQueries.CostView;
import coop.cooperative.projections.costs.CostQueries.Decision;
import coop.cooperative.projections.costs.CostQueries.FindCosts;
import coop.cooperative.projections.projects.ProjectQueries.FindProjects;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.RiskPoolView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a member's own page shows, read from the views: the journal lines that explain their balance,
 * the costs they submitted or paid, the projects they log hours on, and their claim.
 */
@Component
class MemberHomeFigures {

    /** The journal lines shown: the most recent ones, enough to explain the balance on a phone. */
    static final int RECENT_LINES = 20;

    private final QueryGateway queries;

    MemberHomeFigures(QueryGateway queries) {
        this.queries = queries;
    }

    /** The member's most recent journal lines, newest first, each with its effect on their balance. */
    List<Line> recentLines(CooperativeId cooperativeId, MemberId memberId) {
        long total = queries.query(new FindJournal(cooperativeId, null, null, memberId, null, 0, 1), JournalPage.class)
                .join().totalLines();
        List<JournalLine> lines = new ArrayList<>();
        if (total > 0) {
            // Pages count from 0 in fixed sizes: the last page and, if it is short, the one before it.
            int last = (int) ((total - 1) / RECENT_LINES);
            if (last > 0 && total % RECENT_LINES != 0) {
                lines.addAll(page(cooperativeId, memberId, last - 1));
            }
            lines.addAll(page(cooperativeId, memberId, last));
        }
        List<Line> recent = new ArrayList<>(lines.subList(Math.max(0, lines.size() - RECENT_LINES), lines.size()).stream()
                .map(l -> new Line(l.date(), l.description(), l.category(), l.amount().negate(), l.memberBalance()))
                .toList());
        Collections.reverse(recent);
        return recent;
    }
    private List<JournalLine> page(CooperativeId cooperativeId, MemberId memberId, int page) {
        return queries.query(new FindJournal(cooperativeId, null, null, memberId, null, page, RECENT_LINES),
                JournalPage.class).join().lines();
    }
    List<MyCost> myCosts(CooperativeId cooperativeId, MemberId memberId, Map<MemberId, String> names) {
        return queries.query(new FindCosts(cooperativeId, null), ResponseTypes.multipleInstancesOf(CostView.class)).join()
                .stream()
                .filter(c -> memberId.equals(c.paidBy()) || memberId.equals(c.submittedBy()))
                .map(c -> {
                    Decision decision = c.reversal() != null ? c.reversal()
                            : c.rejection() != null ? c.rejection() : c.approval();
                    Money myShare = c.shares().stream().filter(s -> s.memberId().equals(memberId))
                            .map(s -> s.amount()).findFirst().orElse(null);
                    return new MyCost(c.description(), c.amount(), c.vat(), c.date(), c.category(), c.status().name(),
                            c.awaitingSecondApproval(), myShare,
                            decision == null ? null : decision.on(),
                            decision == null || decision.by() == null ? null : names.get(decision.by()),
                            decision == null ? null : decision.reason());
                })
                .toList();
    }
    /** Open projects the member is or was assigned to: the ones they can log project hours on. */
    List<ProjectView> myProjects(CooperativeId cooperativeId, MemberId memberId) {
        return queries.query(new FindProjects(cooperativeId), ResponseTypes.multipleInstancesOf(ProjectView.class))
                .join().stream()
                .filter(p -> p.closedOn() == null && p.assignments().stream().anyMatch(a -> a.memberId().equals(memberId)))
                .sorted(Comparator.comparing(ProjectView::name))
                .toList();
    }
    /** The member's open claim, or else their most recent one. */
    static Optional<ClaimView> myClaim(RiskPoolView pool, MemberId memberId) {
        List<ClaimView> mine = pool.claims().stream().filter(c -> c.memberId().equals(memberId)).toList();
        return mine.stream().filter(ClaimView::isOpen).findFirst()
                .or(() -> mine.stream().max(Comparator.comparing(ClaimView::startDate)));
    }
    /** A journal line as the member reads it: {@code change} is what it did to their balance. */
    record Line(LocalDate date, String description, String category, Money change, Money balanceAfter) {
    }
    /** {@code vat}: the VAT included in the amount (zero when none was given). */
    record MyCost(String description, Money amount, Money vat, LocalDate date, String category, String status,
                  boolean awaitingSecondApproval, Money myShare, LocalDate decidedOn, String decidedBy,
                  String reason) {
    }
}
