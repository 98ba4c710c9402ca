package coop.cooperative.app.membership;

import coop.cooperative.app.pages.InvitationNotice;
import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.Members;
import coop.cooperative.app.membership.Membership;
import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Arrays;
import java.util.List;

/** A cooperative's page: its members, and for an admin the form to let a freelancer join. */
@Controller
class CooperativePage {

    private final CooperativeAccess access;
    private final Members members;
    private final Membership membership;
    private final Clock clock;
    private final RefusalWords refusals;

    CooperativePage(CooperativeAccess access, Members members, Membership membership,
                    Clock clock, RefusalWords refusals) {
        this.access = access;
        this.members = members;
        this.membership = membership;
        this.clock = clock;
        this.refusals = refusals;
    }

    @GetMapping("/cooperatives/{cooperativeId}")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    String cooperative(@PathVariable CooperativeId cooperativeId, Model model) {
        if (!model.containsAttribute("joinForm")) {
            model.addAttribute("joinForm", new JoinForm("", "", "", "", null));
        }
        CooperativeView cooperative = access.cooperative(cooperativeId);
        model.addAttribute("cooperative", cooperative);
        model.addAttribute("members", members.of(cooperativeId));
        model.addAttribute("isAdmin", access.holds(cooperativeId, Role.ADMIN.name()));
        return "cooperative";
    }

    @PostMapping("/cooperatives/{cooperativeId}/members")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    String join(@PathVariable CooperativeId cooperativeId, @Valid @ModelAttribute("joinForm") JoinForm form,
                BindingResult errors, Model model, RedirectAttributes redirect) {
        Money rate = null;
        try {
            rate = Amounts.positive("hourlyRate", form.hourlyRate(), access.cooperative(cooperativeId).currency());
        } catch (InvalidRequestException e) {
            e.errors().forEach(error -> errors.rejectValue(error.field(), "invalid", error.message()));
        }
        if (errors.hasErrors()) {
            return cooperative(cooperativeId, model);
        }
        try {
            Membership.Joined joined = membership.join(cooperativeId, form.name(), form.email(), form.skillList(), rate,
                    form.joinedOn() != null ? form.joinedOn() : LocalDate.now(clock));
            InvitationNotice.flash(redirect, form.name(), Optional.ofNullable(joined.invitationToken()));
            return "redirect:/cooperatives/" + cooperativeId;
        } catch (DomainException e) {
            errors.reject("refused", refusals.say(e));
            return cooperative(cooperativeId, model);
        }
    }

    /** The join form; skills as one comma-separated line, as people type them. */
    record JoinForm(@NotBlank @Size(max = 200) String name,
                    @NotBlank @Email @Size(max = 320) String email,
                    @Size(max = 600) @Pattern(regexp = "[A-Za-z0-9 +#./,-]*",
                            message = "{cooperative.skills.invalid}") String skills,
                    @NotBlank String hourlyRate,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedOn) {

        List<String> skillList() {
            return skills == null ? List.of()
                    : Arrays.stream(skills.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }
}
