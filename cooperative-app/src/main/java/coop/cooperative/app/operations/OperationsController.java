package coop.cooperative.app.operations;

import coop.cooperative.app.web.SendsLocation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The installation administrator's controls over the projections: status, replay, dead letters. */
@Tag(name = "Administration", description = "For the installation's administrator: views, dead letters and mail")
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class OperationsController {

    private final Projections projections;
    private final DeadLetters deadLetters;

    OperationsController(Projections projections, DeadLetters deadLetters) {
        this.projections = projections;
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "Every view's processor and its state", operationId = "listProjections")
    @GetMapping("/projections")
    List<Projections.Status> projections() {
        return projections.all();
    }

    @Operation(summary = "One view's processor and its state", operationId = "getProjection")
    @GetMapping("/projections/{name}")
    Projections.Status projection(@PathVariable String name) {
        return projections.status(name);
    }

    /**
     * 202: the rebuild runs in the background, beside the live view, which answers meanwhile; follow
     * it at the Location (or the metrics and the log).
     */
    @Operation(summary = "Rebuild a view from the events", operationId = "replayProjection")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @SendsLocation
    @PostMapping("/projections/{name}/replay")
    ResponseEntity<Projections.Status> replay(@PathVariable String name) {
        Projections.Status status = projections.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(status);
    }

    /**
     * 202: one pass over the store rebuilds every view named (all views with tables of their own when
     * none is), beside the live ones; refused as a whole (409) when one of them may not be or is being rebuilt.
     */
    @Operation(summary = "Rebuild several views, or all, in one pass over the events", operationId = "replayProjections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/projections/replay")
    ResponseEntity<List<Projections.Status>> replayAll(@RequestParam(name = "views", required = false) List<String> views) {
        return ResponseEntity.accepted().body(projections.replay(views == null ? List.of() : views));
    }

    /** 204: the new tables are dropped (at the rebuilding node's next chunk); the live view is as it was. */
    @Operation(summary = "Cancel a view's rebuild before its handover", operationId = "cancelProjectionReplay")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/projections/{name}/replay")
    ResponseEntity<Void> cancelReplay(@PathVariable String name) {
        projections.cancelReplay(name);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Parked events, optionally of one view", operationId = "listDeadLetters")
    @GetMapping("/dead-letters")
    List<DeadLetters.Letter> deadLetters(@RequestParam(required = false) String projection) {
        return projection == null ? deadLetters.listAll() : deadLetters.list(projection);
    }

    @Operation(summary = "Retry every parked sequence of a view", operationId = "retryDeadLetters")
    @PostMapping("/dead-letters/{projection}/retry")
    DeadLetters.RetryResult retryAll(@PathVariable String projection) {
        return deadLetters.retryAll(projection);
    }

    @Operation(summary = "Retry one parked sequence", operationId = "retryDeadLetter")
    @PostMapping("/dead-letters/{projection}/{letterId}/retry")
    DeadLetters.RetryResult retry(@PathVariable String projection, @PathVariable String letterId) {
        return deadLetters.retry(projection, letterId);
    }

    @Operation(summary = "Drop a parked event for good", operationId = "evictDeadLetter")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/dead-letters/{projection}/{letterId}")
    ResponseEntity<Void> evict(@PathVariable String projection, @PathVariable String letterId) {
        deadLetters.evict(projection, letterId);
        return ResponseEntity.noContent().build();
    }
}
