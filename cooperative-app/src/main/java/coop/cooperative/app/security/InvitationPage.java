package coop.cooperative.app.security;

import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.security.Invitations;
import coop.cooperative.app.security.Invitations.Pending;
import coop.cooperative.app.security.Passphrase;
import coop.cooperative.app.security.SignedInAccount;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.DomainException;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Accepting an invitation. The invitee chooses a password, or accepts with the login they have: the
 * one the mailed invitation names, or the one they are signed in with when it owns the invited email.
 */
@Controller
class InvitationPage {

    private final Invitations invitations;
    private final RefusalWords refusals;

    InvitationPage(Invitations invitations, RefusalWords refusals) {
        this.invitations = invitations;
        this.refusals = refusals;
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, @AuthenticationPrincipal SignedInAccount signedIn, Model model) {
        model.addAttribute("passwordForm", new PasswordForm("", ""));
        return show(token, signedIn, model);
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @AuthenticationPrincipal SignedInAccount signedIn,
                  @Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors, Model model) {
        boolean withLogin = form.password() == null;
        if (!withLogin && !errors.hasFieldErrors("password") && !form.password().equals(form.repeated())) {
            errors.rejectValue("repeated", "cooperative.password.mismatch");
        }
        if (errors.hasErrors()) {
            return show(token, signedIn, model);
        }
        try {
            invitations.accept(token, form.password(), signedIn);
            return signedIn != null ? "redirect:/" : "redirect:/login?activated";
        } catch (InvalidRequestException e) {
            e.errors().forEach(error -> errors.rejectValue(error.field(), "invalid", error.message()));
        } catch (DomainException e) {
            errors.reject("refused", refusals.say(e));
        }
        return show(token, signedIn, model);
    }

    /** The form: a password to choose, or (when a login exists that the invitee holds) one button. */
    private String show(String token, SignedInAccount signedIn, Model model) {
        model.addAttribute("token", token);
        try {
            Pending pending = invitations.pending(token);
            model.addAttribute("invitee", pending.email());
            model.addAttribute("joinsLogin", pending.joinsLogin()
                    || signedIn != null && signedIn.email().equals(pending.email()));
        } catch (DomainException e) {
            model.addAttribute("closed", refusals.say(e));
        }
        return "invitation";
    }

    /** No password at all: accept with the login (the one mailed to, or signed in). */
    record PasswordForm(@Passphrase String password, String repeated) {
    }
}
