package coop.cooperative.app.membership;

import coop.cooperative.app.security.Invitations;
import coop.cooperative.app.security.SignedInAccount;
import coop.cooperative.core.membership.api.MembershipCommands.AppointRole;
import coop.cooperative.core.membership.api.MembershipCommands.FoundCooperative;
import coop.cooperative.core.membership.api.MembershipCommands.JoinCooperative;
import coop.cooperative.core.membership.api.MembershipCommands.LeaveCooperative;
import coop.cooperative.core.membership.api.MembershipCommands.RevokeRole;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.riskpool.api.PoolChangeDates;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Sends the membership commands. Where a command creates a member, their profile (and
 * invitation) is written in the same transaction, so a refused command leaves nothing behind.
 */
@Service
public class Membership {

    private final CommandGateway commands;
    private final MemberProfiles profiles;
    private final Invitations invitations;

    Membership(CommandGateway commands, MemberProfiles profiles, Invitations invitations) {
        this.commands = commands;
        this.profiles = profiles;
        this.invitations = invitations;
    }

    /**
     * {@code vatRegistered} and {@code riskPoolChangeDates} (null: the default): policies known at
     * founding (the other policies start at their defaults).
     */
    @Transactional
    public Founded found(SignedInAccount founder, String name, Currency currency, List<String> founderSkills,
                               Money founderHourlyRate, LocalDate foundedOn, boolean vatRegistered,
                               PoolChangeDates riskPoolChangeDates) {
        CooperativeId cooperativeId = CooperativeId.random();
        MemberId founderId = MemberId.random();
        profiles.add(founderId, cooperativeId, founder.displayName(), founder.email());
        commands.sendAndWait(new FoundCooperative(cooperativeId, name, currency, founderId, founder.email(),
                founderSkills, founderHourlyRate, foundedOn, vatRegistered, riskPoolChangeDates));
        return new Founded(cooperativeId, founderId);
    }

    @Transactional
    public Joined join(CooperativeId cooperativeId, String name, String email, List<String> skills, Money hourlyRate,
                       LocalDate joinedOn) {
        MemberId memberId = MemberId.random();
        profiles.add(memberId, cooperativeId, name, email);
        commands.sendAndWait(new JoinCooperative(cooperativeId, memberId, email, skills, hourlyRate, joinedOn));
        return new Joined(memberId, invitations.issue(email, name));
    }

    public void leave(CooperativeId cooperativeId, MemberId memberId, LocalDate leftOn) {
        commands.sendAndWait(new LeaveCooperative(cooperativeId, memberId, leftOn));
    }

    public void appoint(CooperativeId cooperativeId, MemberId memberId, Role role) {
        commands.sendAndWait(new AppointRole(cooperativeId, memberId, role));
    }

    public void revoke(CooperativeId cooperativeId, MemberId memberId, Role role) {
        commands.sendAndWait(new RevokeRole(cooperativeId, memberId, role));
    }

    public record Founded(CooperativeId cooperativeId, MemberId founderId) {
    }

    public record Joined(MemberId memberId, String invitationToken) {
    }
}
