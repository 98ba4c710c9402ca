package coop.cooperative.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Accepting an invitation: the one API call that needs no sign-in, because the token is the proof. */
@RestController
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/api/invitations/{token}")
    ResponseEntity<ActivatedAccount> accept(@PathVariable String token, @Valid @RequestBody AcceptInvitation request) {
        Account account = invitations.accept(token, request.password());
        return ResponseEntity.created(URI.create("/api/me"))
                .body(new ActivatedAccount(account.accountId(), account.email()));
    }

    record AcceptInvitation(
            @NotBlank(message = "is required") @Passphrase String password) {
    }

    record ActivatedAccount(UUID accountId, String email) {
    }
}
