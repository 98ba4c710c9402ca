package coop.cooperative.app.operations;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The installation administrator's controls over the projections: status, replay, dead letters. */
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

    @GetMapping("/projections")
    List<Projections.Status> projections() {
        return projections.all();
    }

    @GetMapping("/projections/{name}")
    Projections.Status projection(@PathVariable String name) {
        return projections.status(name);
    }

    /** 202: the rebuild runs in the background; follow it at the Location (or the metrics and the log). */
    @PostMapping("/projections/{name}/replay")
    ResponseEntity<Projections.Status> replay(@PathVariable String name) {
        Projections.Status status = projections.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(status);
    }

    @GetMapping("/dead-letters")
    List<DeadLetters.Letter> deadLetters(@RequestParam(required = false) String projection) {
        return projection == null ? deadLetters.listAll() : deadLetters.list(projection);
    }

    @PostMapping("/dead-letters/{projection}/retry")
    DeadLetters.RetryResult retryAll(@PathVariable String projection) {
        return deadLetters.retryAll(projection);
    }

    @PostMapping("/dead-letters/{projection}/{letterId}/retry")
    DeadLetters.RetryResult retry(@PathVariable String projection, @PathVariable String letterId) {
        return deadLetters.retry(projection, letterId);
    }

    @DeleteMapping("/dead-letters/{projection}/{letterId}")
    ResponseEntity<Void> evict(@PathVariable String projection, @PathVariable String letterId) {
        deadLetters.evict(projection, letterId);
        return ResponseEntity.noContent().build();
    }
}
