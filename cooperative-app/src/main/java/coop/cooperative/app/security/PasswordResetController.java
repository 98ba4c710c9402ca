package coop.cooperative.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Forgotten passwords, without sign-in: asking always answers 202 (whether the email has a login is
 * nobody's business but its mailbox's); the mailed token sets a new password once (204).
 */
@Tag(name = "Accounts", description = "Signing up by invitation and resetting a password, without signing in")
@RestController
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @Operation(summary = "Ask for a password reset mail (always 202)", operationId = "requestPasswordReset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @SecurityRequirements // no sign-in: the token in the path is the proof
    @PostMapping("/api/password-resets")
    ResponseEntity<Void> request(@Valid @RequestBody ResetRequest request) {
        resets.request(request.email(), LocaleContextHolder.getLocale());
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Set a new password with a reset token", operationId = "resetPassword")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @SecurityRequirements // no sign-in: the token in the path is the proof
    @PostMapping("/api/password-resets/{token}")
    ResponseEntity<Void> reset(@PathVariable String token, @Valid @RequestBody NewPassword request) {
        resets.reset(token, request.password());
        return ResponseEntity.noContent().build();
    }

    record ResetRequest(@NotBlank @Email @Size(max = 320) String email) {
    }

    record NewPassword(@NotBlank(message = "is required") @Passphrase String password) {
    }
}
