package coop.cooperative.app.operations;

import coop.cooperative.app.Api.Response;
import coop.cooperative.app.HttpJourney;
import coop.cooperative.app.TestClock;
import coop.cooperative.core.membership.api.PeriodClosed;
import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the periods view holds a parked event of a cooperative, it cannot tell which months are
 * closed: the commands that ask it (a cost, hours, closing a month) are refused with 503 and the
 * reason, and nothing is stored, until the administrator deals with the letter. Other
 * cooperatives go on.
 */
class ParkedRuleViewJourneyTest extends HttpJourney {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aParkedPeriodEventHoldsTheCooperativesDecisionsUntilTheAdministratorEvictsIt() {
        YearMonth lastMonth = TestClock.thisMonth().minusMonths(1);
        PeriodClosed unapplied = new PeriodClosed(CooperativeId.of(cooperative), lastMonth, TestClock.today());
        EventMessage<?> event = new GenericDomainEventMessage<>("Cooperative", cooperative, 99, unapplied);
        processing.deadLetterQueue("periods").orElseThrow().enqueue(cooperative,
                new GenericDeadLetter<EventMessage<?>>(cooperative, event, new IllegalStateException("the view could not apply it")));
        String costs = "/api/cooperatives/" + cooperative + "/costs";
        String cost = """
                {"description": "Paper", "amount": "10.00", "date": "%s", "category": "office", "split": {"method": "EQUAL"}}"""
                .formatted(TestClock.today());
        long events = count("domain_event_entry");

        Response refused = api.asAdmin(HttpMethod.POST, costs, cost);
        Response close = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/periods/" + lastMonth + "/close", null);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text("projection")).isEqualTo("periods");
        assertThat(refused.text("detail")).contains("administrator");
        assertThat(close.status()).isEqualTo(503);
        assertThat(count("domain_event_entry")).isEqualTo(events);

        Response letters = api.asAdmin(HttpMethod.GET, "/api/admin/dead-letters?projection=periods", null);
        String letter = letters.body().get(0).path("id").asText();
        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/admin/dead-letters/periods/" + letter, null).status()).isBetween(200, 204);

        assertThat(api.asAdmin(HttpMethod.POST, costs, cost).status()).isEqualTo(201);
        assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/periods/" + lastMonth + "/close", null)
                .status()).isEqualTo(200);
    }
}
