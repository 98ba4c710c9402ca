package coop.cooperative.app.operations;

import coop.cooperative.core.membership.api.MemberJoined;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only projection (it exists in test contexts only) whose handler can be told to fail on
 * one cooperative's events, so the dead-letter queue can be watched at work. It remembers the
 * members it saw joining, per cooperative, in memory: with no tables of its own it cannot be rebuilt.
 */
@Component
@ProcessingGroup(ProbeProjection.NAME)
public class ProbeProjection {

    public static final String NAME = "operations-probe";

    /** Cooperatives whose events the handler fails on, until "fixed" by removing them. */
    final Set<String> failingFor = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> joined = new ConcurrentHashMap<>();

    public record MembersSeen(String cooperativeId) {
    }

    @EventHandler
    void on(MemberJoined event) {
        String cooperative = event.cooperativeId().toString();
        if (failingFor.contains(cooperative)) {
            throw new IllegalStateException("the probe fails on purpose for cooperative " + cooperative);
        }
        List<String> members = joined.computeIfAbsent(cooperative, c -> new CopyOnWriteArrayList<>());
        if (!members.contains(event.memberId().toString())) {
            members.add(event.memberId().toString());
        }
    }

    @ResetHandler
    void reset() {
        joined.clear();
    }

    @QueryHandler
    List<String> handle(MembersSeen query) {
        return List.copyOf(joined.getOrDefault(query.cooperativeId(), List.of()));
    }

    List<String> seen(String cooperativeId) {
        return handle(new MembersSeen(cooperativeId));
    }

    /** The probe's view over HTTP, so the journey sees what a client sees while it rebuilds. */
    @RestController
    static class ProbeController {

        private final org.axonframework.queryhandling.QueryGateway queries;

        ProbeController(org.axonframework.queryhandling.QueryGateway queries) {
            this.queries = queries;
        }

        // the tests' app serves this too, so its description must pass the lint (OpenApiLintTest)
        @io.swagger.v3.oas.annotations.Operation(summary = "Test only: the members the probe view has seen")
        @GetMapping("/api/test/probe/{cooperativeId}")
        List<String> seen(@PathVariable String cooperativeId) {
            return queries.query(new MembersSeen(cooperativeId),
                    org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf(String.class)).join();
        }
    }
}
