package coop.cooperative.projections.audit;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.TypedId;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the audit trail keeps of an event, read from its record components by name, so that every
 * event (and every new one) has an entry. Events are the published language: their component names
 * are stable, as their serialised form depends on them too.
 */
final class AuditFacts {

    /** Components whose member acted, in the events that name who did it. */
    private static final List<String> ACTORS = List.of("approvedBy", "rejectedBy", "reversedBy", "recordedBy");
    /** Components whose member the event concerns. */
    private static final List<String> CONCERNED = List.of("memberId", "paidBy", "claimant");
    /**
     * Never in the trail: the email fingerprint would link the entry to a person; a client's name and
     * the subject and description of hours are personal or private notes, not what was done.
     */
    private static final Set<String> LEFT_OUT = Set.of("emailFingerprint", "client", "subject");
    private static final Set<String> LEFT_OUT_OF_HOURS = Set.of("description");

    private AuditFacts() {
    }

    static Optional<CooperativeId> cooperativeOf(Object event) {
        return component(event, "cooperativeId").filter(CooperativeId.class::isInstance).map(CooperativeId.class::cast);
    }

    static Optional<MemberId> actorOf(Object event) {
        return firstMember(event, ACTORS);
    }

    static Optional<MemberId> memberOf(Object event) {
        return firstMember(event, CONCERNED);
    }

    /** The id in this component ({@code costId}, {@code projectId}), if the event has it. */
    static Optional<UUID> id(Object event, String name) {
        return component(event, name).filter(TypedId.class::isInstance).map(id -> ((TypedId) id).value());
    }

    /** The event's values the trail keeps, by component name, in the record's order. */
    static Map<String, AuditFact> of(Object event) {
        Map<String, AuditFact> facts = new LinkedHashMap<>();
        if (!event.getClass().isRecord()) {
            return facts;
        }
        boolean hours = event.getClass().getSimpleName().startsWith("Hours");
        for (RecordComponent component : COMPONENTS.get(event.getClass())) {
            String name = component.getName();
            if (LEFT_OUT.contains(name) || (hours && LEFT_OUT_OF_HOURS.contains(name))) {
                continue;
            }
            Object value = valueOf(event, component);
            if (value != null) {
                AuditFact.of(value).ifPresent(fact -> facts.put(name, fact));
            }
        }
        return facts;
    }

    private static Optional<MemberId> firstMember(Object event, List<String> names) {
        return names.stream()
                .map(name -> component(event, name))
                .flatMap(Optional::stream)
                .filter(MemberId.class::isInstance)
                .map(MemberId.class::cast)
                .findFirst();
    }

    private static Optional<Object> component(Object event, String name) {
        if (!event.getClass().isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : COMPONENTS.get(event.getClass())) {
            if (component.getName().equals(name)) {
                return Optional.ofNullable(valueOf(event, component));
            }
        }
        return Optional.empty();
    }

    /**
     * An event type's components, read once: the JDK makes them anew on every call, and the trail
     * asks several times per event (a fifth of a rebuild of every view was spent there).
     */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private static Object valueOf(Object event, RecordComponent component) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + event.getClass().getSimpleName(), e);
        }
    }
}
