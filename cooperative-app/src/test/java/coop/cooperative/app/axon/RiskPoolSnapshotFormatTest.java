package coop.cooperative.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.cooperative.core.riskpool.RiskPool;
import coop.cooperative.core.riskpool.api.ClaimApproved;
import coop.cooperative.core.riskpool.api.ClaimClosed;
import coop.cooperative.core.riskpool.api.ClaimContinued;
import coop.cooperative.core.riskpool.api.ClaimFiled;
import coop.cooperative.core.riskpool.api.ClaimGift;
import coop.cooperative.core.riskpool.api.ClaimMonthPaid;
import coop.cooperative.core.riskpool.api.ClaimMonthWithheld;
import coop.cooperative.core.riskpool.api.ClaimRejected;
import coop.cooperative.core.riskpool.api.ContributionPaid;
import coop.cooperative.core.riskpool.api.Gift;
import coop.cooperative.core.riskpool.api.GiftsGivenOnLeaving;
import coop.cooperative.core.riskpool.api.LeaveAnnounced;
import coop.cooperative.core.riskpool.api.MemberEnrolled;
import coop.cooperative.core.riskpool.api.MemberLeftRiskPool;
import coop.cooperative.core.riskpool.api.PoolChangeDates;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ApproveClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ChangeTier;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.CloseClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.EnrolMember;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.FileClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.LeaveRiskPool;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.PayClaimMonth;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.RecordContribution;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ReturnAboveCap;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.riskpool.api.RiskPoolOpened;
import coop.cooperative.core.riskpool.api.TierChangeAnnounced;
import coop.cooperative.core.riskpool.api.TierChanged;
import coop.cooperative.core.riskpool.api.YearEndCompleted;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Databases hold snapshots of the risk pool written before its state moved into classes of its
 * own (PoolAccount, PoolClaim). The snapshot under test resources was written by that earlier
 * code from {@link #history()}, through the mapper the app stores snapshots with; it must still
 * be read, mean the same pool, and be written again in the same shape.
 */
class RiskPoolSnapshotFormatTest {

    static final String SNAPSHOT = "/snapshots/risk-pool-before-split.json";
    static final Currency EUR = Currency.getInstance("EUR");

    static final CooperativeId COOP = new CooperativeId(id("c0"));
    static final RiskPoolId POOL = RiskPoolId.of(COOP);
    static final MemberId ANNA = new MemberId(id("a1"));
    static final MemberId BRAM = new MemberId(id("a2"));
    static final MemberId CARLA = new MemberId(id("a3"));
    static final MemberId DIRK = new MemberId(id("a4"));
    static final MemberId EVA = new MemberId(id("a5"));
    static final MemberId ADMIN = new MemberId(id("ad"));
    static final ClaimId ANNAS_CLAIM = new ClaimId(id("b1"));
    static final ClaimId BRAMS_REJECTED = new ClaimId(id("b2"));
    static final ClaimId CARLAS_FIRST = new ClaimId(id("b3"));
    static final ClaimId CARLAS_RELAPSE = new ClaimId(id("b4"));

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new AxonMessagingConfiguration().defaultAxonObjectMapper()).build();
    /** Reads amounts as written (750.00 is not 750.0), so a change of scale is a change of shape. */
    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    @Test
    void thePoolIsWrittenInTheShapeOfTheSnapshotsAlreadyStored() throws Exception {
        // to the character: the same fields, in the same order, the same amounts
        assertThat(write(sourced()) + "\n").isEqualTo(storedSnapshot());
    }

    @Test
    void aStoredSnapshotIsReadAndWrittenAgainUnchanged() throws IOException {
        JsonNode again = json.readTree(write(read(storedSnapshot())));

        // Sets are read back as hash sets: their order in the JSON is no state.
        assertThat(setsSorted(again)).isEqualTo(setsSorted(json.readTree(storedSnapshot())));
    }

    @Test
    void aPoolReadFromAStoredSnapshotDecidesLikeOneSourcedFromItsEvents() {
        List<Object> outcomes = new ArrayList<>();
        for (Object command : commands()) {
            Object fromEvents = outcome(new AggregateTestFixture<>(RiskPool.class).given(history()).when(command));
            Object fromSnapshot = outcome(new AggregateTestFixture<>(RiskPool.class)
                    .givenState(this::readStoredSnapshot).when(command));

            assertThat(fromSnapshot).as("%s", command).isEqualTo(fromEvents);
            outcomes.add(fromEvents);
        }
        // both kinds are compared: commands that give events and commands that are refused
        assertThat(outcomes).anySatisfy(o -> assertThat(o).asList().first().isInstanceOf(ClaimMonthPaid.class))
                .anySatisfy(o -> assertThat(o).asList().first().asList().first().isEqualTo("Conflict"));
    }

    @Test
    void thePaymentAfterTheSnapshotCountsWhatTheLeaverGaveEarlier() {
        Object paid = outcome(new AggregateTestFixture<>(RiskPool.class).givenState(this::readStoredSnapshot)
                .when(new PayClaimMonth(POOL, ANNAS_CLAIM, YearMonth.of(2025, 6), 3, LocalDate.of(2025, 7, 1))));

        assertThat(paid).asList().singleElement().isInstanceOfSatisfying(ClaimMonthPaid.class, p -> {
            assertThat(p.givenEarlier()).isEqualTo(eur("10.00"));
            assertThat(p.paid()).isEqualTo(eur("750.00"));
            assertThat(p.gifts()).extracting(Gift::from).containsExactly(BRAM, CARLA, DIRK);
        });
    }

    /**
     * Four members and one who left, deposits, a tier change, Anna's claim with a paid, a withheld
     * and a month a leaver gave for, Bram's rejected claim, Carla's claim continued by a relapse, a
     * year end, and changes announced for later.
     */
    static List<Object> history() {
        LocalDate opened = LocalDate.of(2025, 1, 2);
        List<Object> events = new ArrayList<>();
        events.add(new RiskPoolOpened(POOL, COOP, EUR, opened));
        for (MemberId member : List.of(ANNA, BRAM, CARLA, EVA)) {
            events.add(new MemberEnrolled(COOP, member, eur("750.00"), eur("33.75"), opened));
        }
        events.add(new MemberEnrolled(COOP, DIRK, eur("1000.00"), eur("45.00"), opened));
        for (int m = 0; m < 12; m++) {
            YearMonth month = YearMonth.of(2025, 1).plusMonths(m);
            for (MemberId member : List.of(ANNA, BRAM, EVA)) {
                events.add(new ContributionPaid(COOP, member, month, eur("33.75"), month.atDay(3)));
            }
            events.add(new ContributionPaid(COOP, CARLA, month, eur(m < 3 ? "33.75" : "45.00"), month.atDay(3)));
            events.add(new ContributionPaid(COOP, DIRK, month, eur("45.00"), month.atDay(5)));
            if (m == 2) {
                events.add(new TierChanged(COOP, CARLA, eur("1000.00"), eur("45.00"), LocalDate.of(2025, 4, 1)));
            }
        }
        events.add(new ClaimFiled(COOP, CARLAS_FIRST, CARLA, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 10), null));
        events.add(new ClaimApproved(COOP, CARLAS_FIRST, CARLA, LocalDate.of(2025, 2, 11), ADMIN));
        events.add(new ClaimClosed(COOP, CARLAS_FIRST, CARLA, LocalDate.of(2025, 2, 20)));
        events.add(new ClaimFiled(COOP, ANNAS_CLAIM, ANNA, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1), null));
        events.add(new ClaimApproved(COOP, ANNAS_CLAIM, ANNA, LocalDate.of(2025, 3, 5), ADMIN));
        events.add(new ClaimFiled(COOP, CARLAS_RELAPSE, CARLA, LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 5), null));
        events.add(new ClaimContinued(COOP, CARLAS_RELAPSE, CARLAS_FIRST, CARLA));
        events.add(new ClaimFiled(COOP, BRAMS_REJECTED, BRAM, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 10), ADMIN));
        events.add(new ClaimRejected(COOP, BRAMS_REJECTED, BRAM, LocalDate.of(2025, 3, 12)));
        events.add(new ClaimMonthPaid(COOP, ANNAS_CLAIM, ANNA, YearMonth.of(2025, 4), eur("750.00"), eur("750.00"),
                eur("0.00"), List.of(new Gift(BRAM, eur("168.75")), new Gift(DIRK, eur("225.00")),
                new Gift(EVA, eur("168.75")), new Gift(CARLA, eur("187.50"))), LocalDate.of(2025, 5, 1), eur("0.00")));
        events.add(new ClaimMonthWithheld(COOP, ANNAS_CLAIM, ANNA, YearMonth.of(2025, 5), 5, 20));
        events.add(new LeaveAnnounced(COOP, EVA, LocalDate.of(2025, 6, 15)));
        events.add(new GiftsGivenOnLeaving(COOP, EVA, List.of(new ClaimGift(ANNAS_CLAIM, ANNA, YearMonth.of(2025, 6),
                eur("10.00"))), LocalDate.of(2025, 6, 15)));
        events.add(new MemberLeftRiskPool(COOP, EVA, eur("226.25"), LocalDate.of(2025, 6, 15)));
        events.add(new TierChangeAnnounced(COOP, BRAM, eur("1250.00"), eur("56.25"), LocalDate.of(2026, 4, 1)));
        events.add(new YearEndCompleted(COOP, 2024, LocalDate.of(2025, 1, 2)));
        return events;
    }

    /** What may come after the snapshot: each decided by both pools, refusals included. */
    static List<Object> commands() {
        LocalDate today = LocalDate.of(2025, 7, 1);
        return List.of(
                new PayClaimMonth(POOL, ANNAS_CLAIM, YearMonth.of(2025, 6), 3, today),
                new PayClaimMonth(POOL, ANNAS_CLAIM, YearMonth.of(2025, 4), 3, today),
                new PayClaimMonth(POOL, ANNAS_CLAIM, YearMonth.of(2025, 6), 20, today),
                new PayClaimMonth(POOL, CARLAS_RELAPSE, YearMonth.of(2025, 3), 3, today),
                new PayClaimMonth(POOL, BRAMS_REJECTED, YearMonth.of(2025, 4), 3, today),
                new LeaveRiskPool(POOL, DIRK, LocalDate.of(2025, 7, 1), 3, PoolChangeDates.QUARTER_START, today),
                new LeaveRiskPool(POOL, ANNA, LocalDate.of(2025, 7, 1), 3, PoolChangeDates.QUARTER_START, today),
                new LeaveRiskPool(POOL, BRAM, LocalDate.of(2025, 10, 1), 3, PoolChangeDates.QUARTER_START, today),
                new ReturnAboveCap(POOL, 2025, LocalDate.of(2026, 1, 2)),
                new ReturnAboveCap(POOL, 2024, LocalDate.of(2026, 1, 2)),
                new ChangeTier(POOL, CARLA, eur("750.00"), LocalDate.of(2025, 10, 1), PoolChangeDates.QUARTER_START, today),
                new ChangeTier(POOL, DIRK, eur("750.00"), LocalDate.of(2025, 7, 1), PoolChangeDates.QUARTER_START, today),
                new ChangeTier(POOL, ANNA, eur("1000.00"), LocalDate.of(2025, 7, 1), PoolChangeDates.QUARTER_START, today),
                new RecordContribution(POOL, BRAM, YearMonth.of(2025, 7), today),
                new RecordContribution(POOL, BRAM, YearMonth.of(2025, 8), today),
                new RecordContribution(POOL, EVA, YearMonth.of(2025, 7), today),
                new FileClaim(POOL, new ClaimId(id("b5")), BRAM, LocalDate.of(2025, 6, 20), today, null),
                new FileClaim(POOL, new ClaimId(id("b6")), CARLA, LocalDate.of(2025, 6, 20), today, null),
                new FileClaim(POOL, new ClaimId(id("b7")), ANNA, LocalDate.of(2025, 6, 20), today, null),
                new ApproveClaim(POOL, ANNAS_CLAIM, today, ADMIN),
                new CloseClaim(POOL, ANNAS_CLAIM, LocalDate.of(2025, 4, 30)),
                new CloseClaim(POOL, ANNAS_CLAIM, LocalDate.of(2025, 6, 30)),
                new CloseClaim(POOL, CARLAS_RELAPSE, LocalDate.of(2025, 6, 30)),
                new EnrolMember(POOL, COOP, EVA, eur("750.00"), 5, today),
                new EnrolMember(POOL, COOP, new MemberId(id("a6")), eur("750.00"), 4, today),
                new EnrolMember(POOL, COOP, ANNA, eur("750.00"), 50, today));
    }

    /** The events a command gave, or its refusal (its code and values). */
    private static Object outcome(ResultValidator<RiskPool> result) {
        List<Object> outcome = new ArrayList<>();
        try {
            result.expectSuccessfulHandlerExecution();
            result.expectEventsMatching(Matchers.<List<EventMessage<?>>>predicate(
                    events -> events.stream().allMatch(m -> outcome.add(m.getPayload()))));
        } catch (AssertionError refused) {
            result.expectException(Matchers.predicate(e -> outcome.add(e instanceof DomainException d
                    ? List.of(d.getClass().getSimpleName(), d.code(), d.values(), d.getMessage()) : e)));
        }
        return outcome;
    }

    /** The pool as sourcing {@link #history()} builds it, as a snapshot is taken. */
    private static RiskPool sourced() throws ReflectiveOperationException {
        Constructor<RiskPool> constructor = RiskPool.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        EventSourcedAggregate<RiskPool> aggregate = EventSourcedAggregate.initialize(constructor.newInstance(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(RiskPool.class), SimpleEventBus.builder().build(),
                NoSnapshotTriggerDefinition.TRIGGER);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        history().forEach(e -> events.add(new GenericDomainEventMessage<>("RiskPool", POOL.toString(), events.size(), e)));
        aggregate.initializeState(DomainEventStream.of(events));
        return aggregate.getAggregateRoot();
    }

    private String write(RiskPool pool) {
        return serializer.serialize(pool, String.class).getData();
    }

    private RiskPool read(String snapshot) {
        return serializer.deserialize(new SimpleSerializedObject<>(snapshot, String.class, RiskPool.class.getName(), null));
    }

    private RiskPool readStoredSnapshot() {
        return read(storedSnapshot());
    }

    private static String storedSnapshot() {
        try (InputStream in = RiskPoolSnapshotFormatTest.class.getResourceAsStream(SNAPSHOT)) {
            return new String(Objects.requireNonNull(in, SNAPSHOT).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree with every array sorted: the arrays of a snapshot are sets. */
    private static JsonNode setsSorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode sorted = object.objectNode();
            object.fields().forEachRemaining(e -> sorted.set(e.getKey(), setsSorted(e.getValue())));
            return sorted;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode sorted = array.arrayNode();
            StreamSupport.stream(array.spliterator(), false).map(RiskPoolSnapshotFormatTest::setsSorted)
                    .sorted(Comparator.comparing(JsonNode::toString)).forEach(sorted::add);
            return sorted;
        }
        return node;
    }

    private static UUID id(String suffix) {
        return UUID.fromString("00000000-0000-0000-0000-0000000000" + suffix);
    }

    static Money eur(String amount) {
        return Money.of(amount, EUR);
    }
}
