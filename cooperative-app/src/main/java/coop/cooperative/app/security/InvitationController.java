package coop.cooperative.app.security;

import coop.cooperative.app.web.SendsLocation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Accepting an invitation: the one API call that needs no sign-in, because the token is the proof.
 * {@code password} makes the login; it is left out when a mailed invitation joins the email's
 * existing login, or when the caller signs in as that login.
 */
@Tag(name = "Accounts")
@RestController
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @Operation(summary = "Accept an invitation and choose a password", operationId = "acceptInvitation")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @SecurityRequirements // no sign-in: the token in the path is the proof
    @PostMapping("/api/invitations/{token}")
    ResponseEntity<ActivatedAccount> accept(@PathVariable String token, @RequestBody(required = false) AcceptInvitation request,
                                            @AuthenticationPrincipal SignedInAccount signedIn) {
        Account account = invitations.accept(token, request == null ? null : request.password(), signedIn);
        return ResponseEntity.created(URI.create("/api/me"))
                .body(new ActivatedAccount(account.accountId(), account.email()));
    }

    record AcceptInvitation(String password) {
    }

    record ActivatedAccount(UUID accountId, String email) {
    }
}
