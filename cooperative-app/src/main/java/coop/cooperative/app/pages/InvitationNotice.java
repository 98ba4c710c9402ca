package coop.cooperative.app.pages;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Optional;

/**
 * What the admin sees after inviting someone: the link to pass on when the installation sends no
 * mail, or that the invitation went to the invitee's mailbox (then the admin never sees the link).
 */
public final class InvitationNotice {

    private InvitationNotice() {
    }

    public static void flash(RedirectAttributes redirect, String name, Optional<String> token) {
        redirect.addFlashAttribute("invitedName", name);
        token.ifPresentOrElse(
                t -> redirect.addFlashAttribute("invitationLink", ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/invitations/{token}").buildAndExpand(t).toUriString()),
                () -> redirect.addFlashAttribute("invitationMailed", true));
    }
}
