package coop.cooperative.app.pages;

import coop.cooperative.app.security.Invitations;
import coop.cooperative.app.security.Passphrase;
import coop.cooperative.core.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Accepting an invitation: the invited person chooses their password, then signs in. */
@Controller
class InvitationPage {

    private final Invitations invitations;

    InvitationPage(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("passwordForm", new PasswordForm("", ""));
        return "invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @Valid @ModelAttribute("passwordForm") PasswordForm form,
                  BindingResult errors, Model model) {
        model.addAttribute("token", token);
        if (!errors.hasFieldErrors("password") && !form.password().equals(form.repeated())) {
            errors.rejectValue("repeated", "cooperative.password.mismatch");
        }
        if (errors.hasErrors()) {
            return "invitation";
        }
        try {
            invitations.accept(token, form.password());
            return "redirect:/login?activated";
        } catch (DomainException e) {
            errors.reject("refused", e.getMessage());
            return "invitation";
        }
    }

    record PasswordForm(@NotBlank @Passphrase String password, String repeated) {
    }
}
