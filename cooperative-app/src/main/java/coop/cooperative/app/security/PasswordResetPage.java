package coop.cooperative.app.security;

import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.mail.Mailbox;
import coop.cooperative.app.security.Passphrase;
import coop.cooperative.app.security.PasswordResets;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Locale;

/** "Forgot your password?": asking for a link (the same answer for any email), then choosing a new password. */
@Controller
class PasswordResetPage {

    private final PasswordResets resets;
    private final Mailbox mail;
    private final RefusalWords refusals;

    PasswordResetPage(PasswordResets resets, Mailbox mail, RefusalWords refusals) {
        this.resets = resets;
        this.mail = mail;
        this.refusals = refusals;
    }

    /** Without mail no link can come: the page says whom to ask instead. */
    @ModelAttribute("mailOn")
    boolean mailOn() {
        return mail.isOn();
    }

    @GetMapping("/password-resets")
    String ask(Model model) {
        model.addAttribute("emailForm", new EmailForm(""));
        return "password-reset-request";
    }

    @PostMapping("/password-resets")
    String request(@Valid @ModelAttribute("emailForm") EmailForm form, BindingResult errors, Locale locale, Model model) {
        if (!errors.hasErrors()) {
            resets.request(form.email(), locale);
            model.addAttribute("requested", true);
        }
        return "password-reset-request";
    }

    @GetMapping("/password-resets/{token}")
    String choose(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("passwordForm", new PasswordForm("", ""));
        return "password-reset";
    }

    @PostMapping("/password-resets/{token}")
    String reset(@PathVariable String token, @Valid @ModelAttribute("passwordForm") PasswordForm form,
                 BindingResult errors, Model model) {
        model.addAttribute("token", token);
        if (!errors.hasFieldErrors("password") && !form.password().equals(form.repeated())) {
            errors.rejectValue("repeated", "cooperative.password.mismatch");
        }
        if (errors.hasErrors()) {
            return "password-reset";
        }
        try {
            resets.reset(token, form.password());
            return "redirect:/login?reset";
        } catch (InvalidRequestException e) {
            e.errors().forEach(error -> errors.rejectValue(error.field(), "invalid", error.message()));
        } catch (DomainException e) {
            errors.reject("refused", refusals.say(e));
        }
        return "password-reset";
    }

    record EmailForm(@NotBlank @Email @Size(max = 320) String email) {
    }

    record PasswordForm(@NotBlank @Passphrase String password, String repeated) {
    }
}
