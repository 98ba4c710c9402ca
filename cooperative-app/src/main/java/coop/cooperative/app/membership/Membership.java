package coop.cooperative.app.membership;

import coop.cooperative.app.security.Invitations;
import coop.cooperative.app.security.Invitations.Invite;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the membership commands. Where a command creates a member, their profile (and
 * invitation) is written in the same transaction, so a refused command leaves nothing behind.
 */
@Service
public class Membership {

    private final CommandGateway commands;
    private final MemberProfiles profiles;
    private final Invitations invitations;
    private final CooperativeAccess access;

    Membership(CommandGateway commands, MemberProfiles profiles, Invitations invitations, CooperativeAccess access) {
        this.commands = commands;
        this.profiles = profiles;
        this.invitations = invitations;
        this.access = access;
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
        profiles.add(founderId, cooperativeId, founder.displayName(), founder.email(), founder.accountId());
        commands.sendAndWait(new FoundCooperative(cooperativeId, name, currency, founderId, founder.email(),
                founderSkills, founderHourlyRate, foundedOn, vatRegistered, riskPoolChangeDates));
        return new Founded(cooperativeId, founderId);
    }

    /** A new member, invited by mail or, without mail, with a link for the admin to pass on ({@link Joined}). */
    @Transactional
    public Joined join(CooperativeId cooperativeId, String name, String email, List<String> skills, Money hourlyRate,
                       LocalDate joinedOn) {
        MemberId memberId = add(cooperativeId, name, email, skills, hourlyRate, joinedOn, null);
        return new Joined(memberId, invite(cooperativeId, memberId, name, email).orElse(null));
    }

    /** A new member whose login the installation made itself (the demo): no invitation. */
    @Transactional
    public MemberId joinWithLogin(CooperativeId cooperativeId, String name, String email, List<String> skills,
                                  Money hourlyRate, LocalDate joinedOn, UUID accountId) {
        return add(cooperativeId, name, email, skills, hourlyRate, joinedOn, accountId);
    }

    /** A new invitation for a member whose login does not hold their membership yet; empty when it went by mail. */
    public Optional<String> invite(CooperativeId cooperativeId, MemberId memberId, String name, String email) {
        return invitations.issue(new Invite(email, name, access.cooperative(cooperativeId).name(),
                cooperativeId.value(), memberId.value(), null));
    }

    private MemberId add(CooperativeId cooperativeId, String name, String email, List<String> skills, Money hourlyRate,
                         LocalDate joinedOn, UUID accountId) {
        MemberId memberId = MemberId.random();
        profiles.add(memberId, cooperativeId, name, email, accountId);
        commands.sendAndWait(new JoinCooperative(cooperativeId, memberId, email, skills, hourlyRate, joinedOn));
        return memberId;
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

    /** {@code invitationToken}: the link's token for the admin to pass on, or null when the invitation went by mail. */
    public record Joined(MemberId memberId, String invitationToken) {

        public boolean invitationMailed() {
            return invitationToken == null;
        }
    }
}
