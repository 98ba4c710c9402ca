package coop.cooperative.app.security;

import coop.cooperative.app.web.SendsLocation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A signed-in user's own API tokens: make one (its secret is in this answer only), list them, revoke one. */
@Tag(name = "Me")
@RestController
@RequestMapping("/api/me/tokens")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Operation(summary = "Create an API token (shown once)", operationId = "createApiToken")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping
    ResponseEntity<ApiTokens.Created> create(@AuthenticationPrincipal SignedInAccount me,
                                             @Valid @RequestBody NewToken request) {
        ApiTokens.Created created = tokens.create(me.accountId(), request.name(), request.expiresOn());
        return ResponseEntity.created(URI.create("/api/me/tokens/" + created.id())).body(created);
    }

    @Operation(summary = "List my API tokens", operationId = "listApiTokens")
    @GetMapping
    List<ApiTokens.Token> list(@AuthenticationPrincipal SignedInAccount me) {
        return tokens.of(me.accountId());
    }

    @Operation(summary = "Revoke an API token", operationId = "revokeApiToken")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{tokenId}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID tokenId) {
        tokens.revoke(me.accountId(), tokenId);
        return ResponseEntity.noContent().build();
    }

    record NewToken(@NotBlank @Size(max = 100) String name, LocalDate expiresOn) {
    }
}
