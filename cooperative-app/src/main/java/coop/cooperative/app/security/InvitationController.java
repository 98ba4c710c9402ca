package coop.cooperative.app.security;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Accepting an invitation: the one API call that needs no sign-in, because the token is the proof.
 * {@code password} makes the login; it is left out when a mailed invitation joins the email's
 * existing login, or when the caller signs in as that login.
 */
@RestController
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

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
