package coop.cooperative.app.axon;

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
            join(name + " Jansen", name.toLowerCase() + "@gilde.example", "80.00");
        }
        String bram = memberIdOf("bram@gilde.example");
        api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + bram + "/roles", "{\"role\": \"TREASURER\"}");
        api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + memberIdOf("gijs@gilde.example") + "/leave",
                "{\"date\": \"2026-03-01\"}");

        DomainEventStream withSnapshot = eventStore.readEvents(cooperative);
        DomainEventMessage<?> first = withSnapshot.peek();
        assertThat(first.getPayload()).isInstanceOf(Cooperative.class);
        assertThat(first.getSequenceNumber()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(cooperative).query(Long.class).single()).isPositive();

        Cooperative fromSnapshot = loadedWithoutCache();
        Cooperative fromEveryEvent = sourcedFromEveryEvent();

        assertThat(fromSnapshot).usingRecursiveComparison().isEqualTo(fromEveryEvent);
    }

    @Test
    void aCooperativeLoadedFromItsSnapshotDecidesAsBefore() {
        for (String name : new String[]{"Anna", "Bram", "Carla", "Dirk", "Eva", "Floor"}) {
            join(name + " Jansen", name.toLowerCase() + "@gilde.example", "80.00");
        }

        // The email fingerprints live in the snapshot: the same address is still refused.
        Response again = join("Anna Jansen", "anna@gilde.example", "80.00");
        // The founder is the only admin, remembered across the snapshot too.
        Response lastAdminLeaves = api.asAdmin(HttpMethod.DELETE, "/api/cooperatives/" + cooperative + "/members/"
                + memberIdOf(coop.cooperative.app.Api.ADMIN) + "/roles/ADMIN", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(lastAdminLeaves.status()).isEqualTo(422);
    }

    private Cooperative loadedWithoutCache() throws Exception {
        EventSourcingRepository<Cooperative> repository = EventSourcingRepository.builder(Cooperative.class)
                .eventStore(eventStore).build();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(cooperative).invoke(c -> c);
        } finally {
            unitOfWork.rollback();
        }
    }

    private Cooperative sourcedFromEveryEvent() throws Exception {
        AggregateModel<Cooperative> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Cooperative.class);
        Constructor<Cooperative> constructor = Cooperative.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        EventSourcedAggregate<Cooperative> aggregate = EventSourcedAggregate.initialize(constructor.newInstance(), model,
                eventBus, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(eventStore.readEvents(cooperative, 0));
        return aggregate.getAggregateRoot();
    }

    private String memberIdOf(String email) {
        return jdbc.sql("SELECT member_id FROM member_profiles WHERE cooperative_id = ? AND email = ?")
                .params(java.util.UUID.fromString(cooperative), email).query(String.class).single();
    }
}
