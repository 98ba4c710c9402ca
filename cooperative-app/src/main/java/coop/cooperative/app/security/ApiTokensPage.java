package coop.cooperative.app.security;

import coop.cooperative.app.security.ApiTokens;
import coop.cooperative.app.security.SignedInAccount;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The signed-in user's API tokens, the same service as {@code /api/me/tokens}. A new token is shown in
 * the answer to the form that made it, and nowhere else (not in a redirect's flash, which the
 * session would hold).
 */
@Controller
class ApiTokensPage {

    private final ApiTokens tokens;

    ApiTokensPage(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/tokens")
    String tokens(@AuthenticationPrincipal SignedInAccount me, Model model) {
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm("", null));
        }
        model.addAttribute("tokens", tokens.of(me.accountId()));
        model.addAttribute("apiMe", ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/me").toUriString());
        return "tokens";
    }

    @PostMapping("/tokens")
    String create(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("tokenForm") TokenForm form,
                  BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                model.addAttribute("created", tokens.create(me.accountId(), form.name(), form.expiresOn()));
                model.addAttribute("tokenForm", new TokenForm("", null));
            } catch (InvalidRequestException e) {
                e.errors().forEach(error -> errors.rejectValue(error.field(), "invalid", error.message()));
            }
        }
        return tokens(me, model);
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID tokenId, RedirectAttributes redirect) {
        try {
            tokens.revoke(me.accountId(), tokenId);
            redirect.addFlashAttribute("revoked", true);
        } catch (DomainException.NotFound gone) {
            // revoked already, perhaps in another tab: the list shows what is left
        }
        return "redirect:/tokens";
    }

    record TokenForm(@NotBlank @Size(max = 100) String name, LocalDate expiresOn) {
    }
}
