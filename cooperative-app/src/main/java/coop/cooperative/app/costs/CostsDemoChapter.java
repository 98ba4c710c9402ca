package coop.cooperative.app.costs;

import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.demo.DemoChapter;
import coop.cooperative.app.demo.DemoContext;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.Frequency;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.costs.CostQueries.CostStatus;
import coop.cooperative.projections.costs.CostQueries.CostView;
import coop.cooperative.projections.costs.CostQueries.FindCosts;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The demo's books: the six months before this one, with insurance, the accountant, software,
 * the co-working space (a recurring cost) and training, split in several ways; Pieter de Boer, the
 * second treasurer, approves what Sanne submitted (four eyes). One cost is rejected, one reversed,
 * one waits in the queue (the settlements: {@code SettlementsDemoChapter}; the closed months:
 * {@code ClosedPeriodsDemoChapter}).
 */
@Component
@Profile("demo")
@Order(10)
class CostsDemoChapter implements DemoChapter {

    private static final Currency EUR = Currency.getInstance("EUR");

    private final SharedCosts costs;
    private final RecurringCosts recurring;
    private final QueryGateway queries;
    private final ProjectionCatchUp views;
    private final Clock clock;

    CostsDemoChapter(SharedCosts costs, RecurringCosts recurring, QueryGateway queries,
                     ProjectionCatchUp views, Clock clock) {
        this.costs = costs;
        this.recurring = recurring;
        this.queries = queries;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public void seed(DemoContext demo) {
        CooperativeId gilde = demo.cooperativeId();
        LocalDate today = LocalDate.now(clock);
        YearMonth first = YearMonth.from(today).minusMonths(6);
        MemberId sanne = demo.member("Sanne Jansen");
        MemberId pieter = demo.member("Pieter de Boer");
        Books books = new Books(gilde, today, sanne, pieter);

        recurring.setUp(gilde, "Co-working De Werkplaats: twelve flex desks", Money.of("1650.00", EUR), "workspace",
                null, Split.equal(List.of()), Frequency.MONTHLY, first.atDay(1), first.plusMonths(17).atEndOfMonth(),
                sanne);
        views.await();
        for (CostView rent : queries.query(new FindCosts(gilde, CostStatus.SUBMITTED),
                ResponseTypes.multipleInstancesOf(CostView.class)).join()) {
            costs.approve(gilde, rent.costId(), pieter, today);
        }

        books.approved(first.atDay(5), "Professional liability insurance, first quarter", "1845.00", "insurance", null, equal());
        books.approved(first.atDay(12), "Accountant: quarterly VAT returns", "726.00", "accountant", null, equal());
        books.approved(first.atDay(20), "Figma organisation plan", "540.00", "software", demo.member("Anna de Vries"),
                weights(SplitMethod.SHARES, demo, "2", "Anna de Vries", "2", "Fleur Visser", "1", "Noor van Leeuwen"));
        books.approved(first.plusMonths(1).atDay(14), "Training: Kubernetes in production (two seats)", "1190.00",
                "training", demo.member("Bram Smit"),
                weights(SplitMethod.EXACT, demo, "595.00", "Bram Smit", "595.00", "Milan de Wit"));
        books.approved(first.plusMonths(2).atDay(3), "JetBrains All Products licences", "1378.00", "software", null,
                weights(SplitMethod.SHARES, demo, "1", "Daan Bakker", "1", "Bram Smit", "1", "Ruben van Dijk",
                        "1", "Thijs Bos"));
        CostId dinner = books.share(first.plusMonths(2).atDay(18), "Dinner with the client team", "312.40", "other",
                demo.member("Iris Hendriks"), weights(SplitMethod.EQUAL, demo, null, "Iris Hendriks", null, "Emma Vos"));
        views.await();
        costs.reject(gilde, dinner, pieter, today, "Client entertainment is billed to the project, not shared");
        books.approved(first.plusMonths(3).atDay(7), "Professional liability insurance, second quarter", "1845.00",
                "insurance", null, equal());
        books.approved(first.plusMonths(3).atDay(15), "Accountant: quarterly VAT returns", "726.00", "accountant", null,
                equal());
        CostId duplicate = books.approved(first.plusMonths(3).atDay(16), "Accountant: quarterly VAT returns", "726.00",
                "accountant", null, equal());
        costs.reverse(gilde, duplicate, pieter, today, "The invoice was booked twice; the accountant confirmed one");
        books.approved(first.plusMonths(4).atDay(10), "Training: accessibility audit workshop", "960.00", "training",
                null, weights(SplitMethod.PERCENT, demo, "50", "Sophie de Groot", "25", "Julia Brouwer", "25", "Guus Willems"));
        books.approved(first.plusMonths(5).atDay(2), "Adobe Creative Cloud, three seats", "720.00", "software",
                demo.member("Sara de Graaf"),
                weights(SplitMethod.EQUAL, demo, null, "Sara de Graaf", null, "Anna de Vries", null, "Fleur Visser"));
        books.approved(first.plusMonths(5).atDay(20), "Accountant: annual report preparation", "2420.00", "accountant",
                null, equal());
        books.share(first.plusMonths(5).atDay(25), "Miro team plan", "384.00", "software",
                demo.member("Noor van Leeuwen"),
                weights(SplitMethod.EQUAL, demo, null, "Noor van Leeuwen", null, "Anna de Vries", null, "Fleur Visser"));

        views.await();
    }

    /** EQUAL over everyone active on the cost's date ({@link Split#amongActive}). */
    private static Split equal() {
        return Split.equal(List.of());
    }

    /** A split over named members: pairs of weight and name (weight null for EQUAL). */
    private static Split weights(SplitMethod method, DemoContext demo, String... pairs) {
        List<MemberId> people = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            people.add(demo.member(pairs[i + 1]));
            if (pairs[i] != null) {
                weights.add(new BigDecimal(pairs[i]));
            }
        }
        return new Split(method, people, weights);
    }

    /** Shares and approves as the demo's treasurers would: Sanne submits, Pieter approves. */
    private final class Books {
        private final CooperativeId gilde;
        private final LocalDate today;
        private final MemberId submitter;
        private final MemberId approver;

        private Books(CooperativeId gilde, LocalDate today, MemberId submitter, MemberId approver) {
            this.gilde = gilde;
            this.today = today;
            this.submitter = submitter;
            this.approver = approver;
        }

        CostId share(LocalDate date, String description, String amount, String category, MemberId paidBy, Split split) {
            return costs.share(gilde, CostId.random(), new SharedCosts.NewCost(description, Money.of(amount, EUR), date,
                    category, paidBy, split), paidBy != null ? paidBy : submitter, today, null);
        }

        CostId approved(LocalDate date, String description, String amount, String category, MemberId paidBy, Split split) {
            CostId id = share(date, description, amount, category, paidBy, split);
            views.await();
            costs.approve(gilde, id, approver, today);
            return id;
        }
    }
}
