package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.Api.Response;
import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.costs.RecurringCosts;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.RecurringCostCommands.SubmitOccurrence;
import coop.cooperative.core.costs.api.RecurringCostId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each occurrence of a recurring cost becomes exactly one shared cost, however often and wherever the scheduler runs. */
class RecurringCostJourneyTest extends HttpJourney {

    @Autowired
    RecurringCosts recurring;
    @Autowired
    CommandGateway commands;
    @Autowired
    ProjectionCatchUp views;

    private String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }

    private Response setUp(LocalDate first, LocalDate end) {
        return api.asAdmin(HttpMethod.POST, path("/recurring-costs"), """
                {"description": "Workspace rent", "amount": "1200.00", "category": "workspace",
                 "split": {"method": "EQUAL"}, "frequency": "MONTHLY", "firstDate": "%s", "endDate": "%s"}"""
                .formatted(first, end));
    }

    private List<JsonNode> costsOf(String recurringCostId) {
        List<JsonNode> found = new ArrayList<>();
        api.asAdmin(HttpMethod.GET, path("/costs"), null).body().forEach(c -> {
            if (c.path("recurringCostId").asText().equals(recurringCostId)) {
                found.add(c);
            }
        });
        return found;
    }

    @Test
    void everyDueOccurrenceIsSubmittedExactlyOnceHoweverOftenTheSchedulerRuns() {
        join("Anna Test", "anna.recurring@gilde.example", "80.00");
        join("Bram Test", "bram.recurring@gilde.example", "80.00");
        LocalDate today = TestClock.today();
        LocalDate first = today.minusMonths(3);

        Response set = setUp(first, today.plusYears(1));
        assertThat(set.status()).isEqualTo(201);
        String id = set.text("recurringCostId");

        recurring.submitDue(today);
        List<CompletableFuture<Integer>> runs = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> recurring.submitDue(today))).toList();
        runs.forEach(CompletableFuture::join);
        views.await();

        List<JsonNode> costs = costsOf(id);
        assertThat(costs).hasSize(4);
        assertThat(costs.stream().map(c -> c.get("date").asText()).distinct()).hasSize(4);
        // Only an occurrence on or after today includes the founder, who joined today. (Counted from the
        // first date, the last occurrence may fall before today: from 30 September, 30 December comes on the 31st.)
        costs.forEach(c -> assertThat(c.get("shares")).hasSize(LocalDate.parse(c.get("date").asText()).isBefore(today) ? 2 : 3));
        assertThat(costs.get(3).get("shares")).hasSize(2);
        assertThat(costs.get(0).get("status").asText()).isEqualTo("SUBMITTED");
        JsonNode listed = api.asAdmin(HttpMethod.GET, path("/recurring-costs"), null).body().get(0);
        assertThat(listed.get("occurrences")).hasSize(4);
        listed.get("occurrences").forEach(o -> assertThat(o.get("created").asBoolean()).isTrue());
    }

    @Test
    void anOccurrenceClaimedByARunThatStoppedIsCreatedUnderItsClaimedIdByTheNextRun() {
        join("Anna Test", "anna.recurring@gilde.example", "80.00");
        LocalDate tomorrow = TestClock.today().plusDays(1);
        String id = setUp(tomorrow, tomorrow.plusMonths(6)).text("recurringCostId");
        assertThat(costsOf(id)).isEmpty();
        // A run claims tomorrow's occurrence and stops before creating the cost.
        CostId claimed = CostId.random();
        commands.sendAndWait(new SubmitOccurrence(RecurringCostId.of(id), tomorrow, claimed));

        int created = recurring.submitDue(tomorrow);
        recurring.submitDue(tomorrow);
        views.await();

        assertThat(created).isEqualTo(1);
        assertThat(costsOf(id)).extracting(c -> c.get("costId").asText()).containsExactly(claimed.toString());
    }
}
