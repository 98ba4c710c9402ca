package coop.cooperative.app.axon;

import coop.cooperative.app.TestClock;
import coop.cooperative.app.Api.Response;
import coop.cooperative.app.HttpJourney;
import coop.cooperative.core.membership.Cooperative;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.lang.reflect.Constructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys run with a snapshot every 5 events (HttpJourney), so every journey also loads
 * cooperatives from snapshots; here we check that such a load equals sourcing every event.
 */
class SnapshotJourneyTest extends HttpJourney {

    @Autowired
    EventStore eventStore;
    @Autowired
    EventBus eventBus;

    @Test
    void aCooperativeLoadedFromItsSnapshotEqualsOneSourcedFromEveryEvent() throws Exception {
        for (String name : new String[]{"Anna", "Bram", "Carla", "Dirk", "Eva", "Floor", "Gijs"}) {
            join(name + " Jansen", name.toLowerCase() + "@snapshots.example", "80.00");
        }
        String bram = memberIdOf("bram@snapshots.example");
        api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + bram + "/roles", "{\"role\": \"TREASURER\"}");
        String gijs = memberIdOf("gijs@snapshots.example");
        api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + gijs + "/leave",
                "{\"date\": \"2026-03-01\"}");
        // an erased member, whom the state remembers without a fingerprint
        assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + gijs + "/erase", null)
                .status()).isEqualTo(200);
        for (String name : new String[]{"Hanna", "Ivo", "Joke", "Kees", "Lot"}) {
            join(name + " Jansen", name.toLowerCase() + "@snapshots.example", "80.00");
        }

        assertLoadedFromSnapshotEqualsSourcedFromEveryEvent(Cooperative.class, cooperative);
    }

    @Test
    void aRiskPoolLoadedFromItsSnapshotEqualsOneSourcedFromEveryEvent() throws Exception {
        String pool = "/api/cooperatives/" + cooperative + "/risk-pool";
        java.time.LocalDate enrolled = TestClock.today().minusMonths(4);
        String first = null;
        for (String name : new String[]{"Anna", "Bram", "Carla", "Dirk"}) {
            String member = join(name + " Visser", name.toLowerCase() + ".pool@snapshots.example", "80.00").text("memberId");
            first = first == null ? member : first;
            assertThat(api.asAdmin(HttpMethod.POST, pool + "/enrolments", """
                    {"memberId": "%s", "monthlyContribution": "45.00", "enrolledOn": "%s"}""".formatted(member, enrolled))
                    .status()).isEqualTo(201);
        }
        Response claim = api.asAdmin(HttpMethod.POST, pool + "/claims", """
                {"memberId": "%s", "startDate": "%s", "reason": "flu"}""".formatted(first, TestClock.today()));
        assertThat(claim.status()).isEqualTo(201);
        assertThat(api.asAdmin(HttpMethod.POST, pool + "/claims/" + claim.text("claimId") + "/approve", null).status())
                .isEqualTo(200);

        assertLoadedFromSnapshotEqualsSourcedFromEveryEvent(coop.cooperative.core.riskpool.RiskPool.class,
                coop.cooperative.core.riskpool.api.RiskPoolId.of(coop.cooperative.core.shared.CooperativeId.of(cooperative)).toString());
    }

    @Test
    void aCooperativeLoadedFromItsSnapshotDecidesAsBefore() {
        for (String name : new String[]{"Anna", "Bram", "Carla", "Dirk", "Eva", "Floor"}) {
            join(name + " Jansen", name.toLowerCase() + "@snapshots.example", "80.00");
        }

        // The email fingerprints live in the snapshot: the same address is still refused.
        Response again = join("Anna Jansen", "anna@snapshots.example", "80.00");
        // The founder is the only admin, remembered across the snapshot too.
        Response lastAdminLeaves = api.asAdmin(HttpMethod.DELETE, "/api/cooperatives/" + cooperative + "/members/"
                + memberIdOf(coop.cooperative.app.Api.ADMIN) + "/roles/ADMIN", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(lastAdminLeaves.status()).isEqualTo(422);
    }

    private <A> void assertLoadedFromSnapshotEqualsSourcedFromEveryEvent(Class<A> type, String id) throws Exception {
        DomainEventStream withSnapshot = eventStore.readEvents(id);
        DomainEventMessage<?> first = withSnapshot.peek();
        assertThat(first.getPayload()).isInstanceOf(type);
        assertThat(first.getSequenceNumber()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(id).query(Long.class).single()).isPositive();

        A fromSnapshot = loadedWithoutCache(type, id);
        A fromEveryEvent = sourcedFromEveryEvent(type, id);

        // A set is read back from a snapshot as a set, not as the TreeSet or EnumSet it was built as;
        // the aggregates only ask sets for membership, size and maximum, so their order is no state.
        assertThat(fromSnapshot).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(fromEveryEvent);
    }

    /** Through a repository of its own without a cache: the latest snapshot and the events after it. */
    private <A> A loadedWithoutCache(Class<A> type, String id) {
        EventSourcingRepository<A> repository = EventSourcingRepository.builder(type).eventStore(eventStore).build();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(id).invoke(a -> a);
        } finally {
            unitOfWork.rollback();
        }
    }

    private <A> A sourcedFromEveryEvent(Class<A> type, String id) throws Exception {
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type);
        Constructor<A> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        EventSourcedAggregate<A> aggregate = EventSourcedAggregate.initialize(constructor.newInstance(), model,
                eventBus, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(eventStore.readEvents(id, 0));
        return aggregate.getAggregateRoot();
    }

    private String memberIdOf(String email) {
        return jdbc.sql("SELECT member_id FROM member_profiles WHERE cooperative_id = ? AND email = ?")
                .params(java.util.UUID.fromString(cooperative), email).query(String.class).single();
    }
}
