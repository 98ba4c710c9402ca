package coop.cooperative.app.axon;

import coop.cooperative.app.TestClock;
import coop.cooperative.app.Api;
import coop.cooperative.app.Api.Response;
import coop.cooperative.app.HttpJourney;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.membership.api.CooperativeFounded;
import coop.cooperative.core.shared.Money;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cost stored by a version before VAT (CostShared revision 1, written here into the event
 * store as that version wrote it) is read as revision 2 with a VAT of zero: by the views, by a
 * replay and by the aggregate deciding on it.
 */
class CostSharedUpcastingTest extends HttpJourney {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    EventStore eventStore;

    @Test
    void aStoredRevision1CostIsReadAsRevision2WithNoVat() {
        String anna = join("Anna de Vries", "anna@upcast.example", "80.00").text("memberId");
        String bram = join("Bram Visser", "bram@upcast.example", "80.00").text("memberId");
        String costId = UUID.randomUUID().toString();
        storeRevision1(costId, anna, bram);

        DomainEventMessage<?> read = eventStore.readEvents(costId, 0).next();
        CostShared shared = (CostShared) read.getPayload();
        assertThat(shared.vat()).isEqualTo(Money.zero(EUR));
        assertThat(shared.amount()).isEqualTo(Money.of("60.00", EUR));
        assertThat(shared.description()).isEqualTo("Printer paper");

        // The shared-costs view took it in as any new event, and again on a replay.
        String cost = "/api/cooperatives/" + cooperative + "/costs/" + costId;
        await().atMost(Duration.ofSeconds(10)).until(() -> api.asAdmin(HttpMethod.GET, cost, null).status() == 200);
        assertThat(api.asAdmin(HttpMethod.POST, "/api/admin/projections/shared-costs/replay", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.asAdmin(HttpMethod.GET, cost, null).status() == 200);
        assertThat(api.asAdmin(HttpMethod.GET, cost, null).text("amount")).isEqualTo("60.00");

        // The aggregate is sourced from the upcast event and decides on it.
        Response approved = api.asAdmin(HttpMethod.POST, cost + "/approve", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
    }

    @Test
    void aStoredRevision2CostIsReadAsRevision3SharedInFullWithNoLeftoverCentsKnown() {
        String anna = join("Anna de Vries", "anna@upcast2.example", "80.00").text("memberId");
        String costId = UUID.randomUUID().toString();
        String payload = """
                {"cooperativeId":"%s","costId":"%s","description":"Monitor",\
                "amount":{"amount":121.00,"currency":"EUR"},"vat":{"amount":21.00,"currency":"EUR"},\
                "date":"2026-02-10","category":"hardware","paidBy":null,\
                "split":{"method":"EQUAL","participants":["%s"],"weights":[]},\
                "shares":[{"memberId":"%s","amount":{"amount":121.00,"currency":"EUR"}}],\
                "submittedBy":"%s","submittedOn":"2026-02-10","recurringCostId":null}"""
                .formatted(cooperative, costId, anna, anna, anna);
        store(costId, "SharedCost", CostShared.class.getName(), "2", payload);

        CostShared shared = (CostShared) eventStore.readEvents(costId, 0).next().getPayload();
        assertThat(shared.vat()).isEqualTo(Money.of("21.00", EUR));
        assertThat(shared.inputVat()).isFalse();
        assertThat(shared.sharedAmount()).isEqualTo(Money.of("121.00", EUR));
        assertThat(shared.roundedUp()).isEmpty();
    }

    @Test
    void aStoredRevision3CostHasNoThresholdOfItsOwnAndIsApprovedUnderTheCooperativesPolicy() {
        String anna = join("Anna de Vries", "anna@upcast3.example", "80.00").text("memberId");
        // a second treasurer, so four eyes apply and the threshold matters
        assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + anna + "/roles",
                "{\"role\": \"TREASURER\"}").status()).isEqualTo(200);
        String costId = UUID.randomUUID().toString();
        String payload = """
                {"cooperativeId":"%s","costId":"%s","description":"Laser cutter",\
                "amount":{"amount":3000.00,"currency":"EUR"},"vat":{"amount":0.00,"currency":"EUR"},\
                "date":"%s","category":"hardware","paidBy":null,\
                "split":{"method":"EQUAL","participants":["%s"],"weights":[]},\
                "shares":[{"memberId":"%s","amount":{"amount":3000.00,"currency":"EUR"}}],\
                "submittedBy":"%s","submittedOn":"%s","recurringCostId":null,"inputVat":false,"roundedUp":[]}"""
                .formatted(cooperative, costId, TestClock.today(), anna, anna, anna, TestClock.today());
        store(costId, "SharedCost", CostShared.class.getName(), "3", payload);

        CostShared shared = (CostShared) eventStore.readEvents(costId, 0).next().getPayload();
        assertThat(shared.secondApprovalAbove()).isNull();

        // the policy (2,500.00 in a new cooperative) decides: two approvals, the first leaves it waiting
        String cost = "/api/cooperatives/" + cooperative + "/costs/" + costId;
        await().atMost(Duration.ofSeconds(10)).until(() -> api.asAdmin(HttpMethod.GET, cost, null).status() == 200);
        assertThat(api.asAdmin(HttpMethod.GET, cost, null).body().get("approvalsNeeded").asInt()).isEqualTo(2);
    }

    @Test
    void aNewCostRecordsTheThresholdItIsApprovedUnder() {
        Response shared = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/costs", """
                {"description": "Laser cutter", "amount": "3000.00", "date": "%s", "category": "hardware",
                 "split": {"method": "EQUAL"}}""".formatted(TestClock.today()));
        assertThat(shared.status()).isEqualTo(201);
        CostShared stored = (CostShared) eventStore.readEvents(shared.text("costId"), 0).next().getPayload();
        assertThat(stored.secondApprovalAbove()).isEqualTo(Money.of("2500.00", EUR));
    }

    @Test
    void aCooperativeFoundedBeforeTheVatPolicyIsReadAsNotVatRegistered() {
        String cooperativeId = UUID.randomUUID().toString();
        String payload = """
                {"cooperativeId":"%s","name":"De Oude Gilde","currency":"EUR",\
                "policies":{"secondApprovalAbove":{"amount":2500.00,"currency":"EUR"},"riskPoolMinimumMembers":20,\
                "riskPoolMaximumMembers":50,"developmentBudgetPercent":10,"maximumHoursPerWeek":40},\
                "foundedOn":"2026-01-05"}""".formatted(cooperativeId);
        store(cooperativeId, "Cooperative", CooperativeFounded.class.getName(), "1", payload);

        CooperativeFounded founded = (CooperativeFounded) eventStore.readEvents(cooperativeId, 0).next().getPayload();
        assertThat(founded.policies().vatRegistered()).isFalse();
        assertThat(founded.policies().secondApprovalAbove()).isEqualTo(Money.of("2500.00", EUR));
    }

    private void store(String aggregateId, String type, String payloadType, String revision, String payload) {
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), aggregateId, type, TestClock.clock().instant().toString(),
                        payloadType, revision, payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8))
                .update();
    }

    @Test
    void aNewCostCarriesItsVatAndNoMoreVatThanItsAmountIsAccepted() {
        String path = "/api/cooperatives/" + cooperative + "/costs";
        String body = """
                {"description": "Laptop", "amount": "1210.00", "vat": "%s", "date": "%s",
                 "category": "hardware", "split": {"method": "EQUAL"}}""";

        Response shared = api.asAdmin(HttpMethod.POST, path, body.formatted("210.00", TestClock.today()));
        Response tooMuch = api.asAdmin(HttpMethod.POST, path, body.formatted("1210.01", TestClock.today()));

        assertThat(shared.status()).isEqualTo(201);
        CostShared stored = (CostShared) eventStore.readEvents(shared.text("costId"), 0).next().getPayload();
        assertThat(stored.vat()).isEqualTo(Money.of("210.00", EUR));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body().path("errors").get(0).path("field").asText()).isEqualTo("vat");
    }

    private void storeRevision1(String costId, String anna, String bram) {
        List<String> byId = Stream.of(anna, bram).sorted().toList();
        String payload = """
                {"cooperativeId":"%s","costId":"%s","description":"Printer paper",\
                "amount":{"amount":60.00,"currency":"EUR"},"date":"2026-02-10","category":"office",\
                "paidBy":"%s","split":{"method":"EQUAL","participants":["%s","%s"],"weights":[]},\
                "shares":[{"memberId":"%s","amount":{"amount":30.00,"currency":"EUR"}},\
                {"memberId":"%s","amount":{"amount":30.00,"currency":"EUR"}}],\
                "submittedBy":"%s","submittedOn":"2026-02-10","recurringCostId":null}"""
                .formatted(cooperative, costId, anna, anna, bram, byId.get(0), byId.get(1), anna);
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'SharedCost', ?, ?, '1', ?, ?)""")
                .params(UUID.randomUUID().toString(), costId, TestClock.clock().instant().toString(), CostShared.class.getName(),
                        payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8))
                .update();
    }
}
