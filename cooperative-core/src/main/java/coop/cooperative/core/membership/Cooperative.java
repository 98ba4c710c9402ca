package coop.cooperative.core.membership;

import coop.cooperative.core.membership.api.CooperativeFounded;
import coop.cooperative.core.membership.api.MemberErased;
import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.core.membership.api.MemberLeft;
import coop.cooperative.core.membership.api.MembershipCommands.AppointRole;
import coop.cooperative.core.membership.api.MembershipCommands.ClosePeriod;
import coop.cooperative.core.membership.api.MembershipCommands.EraseMember;
import coop.cooperative.core.membership.api.MembershipCommands.FoundCooperative;
import coop.cooperative.core.membership.api.MembershipCommands.JoinCooperative;
import coop.cooperative.core.membership.api.MembershipCommands.LeaveCooperative;
import coop.cooperative.core.membership.api.MembershipCommands.ReopenPeriod;
import coop.cooperative.core.membership.api.MembershipCommands.RevokeRole;
import coop.cooperative.core.membership.api.PeriodClosed;
import coop.cooperative.core.membership.api.PeriodReopened;
import coop.cooperative.core.membership.api.Policies;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.membership.api.RoleAppointed;
import coop.cooperative.core.membership.api.RoleRevoked;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.core.shared.Texts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The cooperative: its membership and its calendar of closed periods. One aggregate, because
 * its invariants span members (one membership per email, always at least one admin).
 */
public class Cooperative {

    @AggregateIdentifier
    private CooperativeId cooperativeId;
    private Currency currency;
    private final Map<MemberId, Membership> members = new HashMap<>();
    private final Set<YearMonth> closedPeriods = new HashSet<>();

    protected Cooperative() {
        // for Axon
    }

    /** {@code fingerprints}: the installation's, handed in by Axon; the founder's key never enters an event. */
    @CommandHandler
    public Cooperative(FoundCooperative command, EmailFingerprints fingerprints) {
        requireName(command.name());
        Texts.requirePlain(command.name(), "name");
        Dates.require(command.foundedOn(), "foundedOn");
        if (command.currency() == null) {
            throw new RuleViolation(Refusal.COOPERATIVE_CURRENCY, "A cooperative needs a currency");
        }
        apply(new CooperativeFounded(command.cooperativeId(), command.name().strip(), command.currency(),
                Policies.defaults(command.currency()).withVatRegistered(command.vatRegistered())
                        .withRiskPoolChangeDates(command.riskPoolChangeDates()), command.foundedOn()));
        requireRate(command.founderHourlyRate(), command.currency());
        apply(new MemberJoined(command.cooperativeId(), command.founderId(),
                fingerprints.issue(command.cooperativeId(), command.founderId(), command.founderEmail()),
                normaliseSkills(command.founderSkills()), command.founderHourlyRate(), command.foundedOn()));
        apply(new RoleAppointed(command.cooperativeId(), command.founderId(), Role.ADMIN));
        apply(new RoleAppointed(command.cooperativeId(), command.founderId(), Role.TREASURER));
    }

    @CommandHandler
    public void handle(JoinCooperative command, EmailFingerprints fingerprints) {
        if (members.containsKey(command.memberId())) {
            throw new Conflict(Refusal.MEMBER_ALREADY_JOINED, "Member " + command.memberId() + " already joined", command.memberId());
        }
        Map<MemberId, String> staying = new HashMap<>();
        members.forEach((id, m) -> {
            if (m.isStaying()) {
                staying.put(id, m.emailFingerprint);
            }
        });
        if (fingerprints.taken(cooperativeId, staying, command.email())) {
            throw new Conflict(Refusal.MEMBER_EMAIL_TAKEN, "A member with this email already belongs to the cooperative");
        }
        requireRate(command.hourlyRate(), currency);
        Dates.require(command.joinedOn(), "joinedOn");
        String fingerprint = fingerprints.issue(cooperativeId, command.memberId(), command.email());
        apply(new MemberJoined(cooperativeId, command.memberId(), fingerprint, normaliseSkills(command.skills()),
                command.hourlyRate(), command.joinedOn()));
    }

    @CommandHandler
    public void handle(LeaveCooperative command) {
        Membership member = existing(command.memberId());
        if (!member.isStaying()) {
            throw new Conflict(Refusal.MEMBER_ALREADY_LEFT, "The member already left on " + member.leftOn, member.leftOn);
        }
        Dates.require(command.leftOn(), "leftOn");
        if (command.leftOn().isBefore(member.joinedOn)) {
            throw new RuleViolation(Refusal.MEMBER_BEFORE_JOINING, "A member cannot leave before they joined (" + member.joinedOn + ")",
                    member.joinedOn);
        }
        if (member.roles.contains(Role.ADMIN) && stayingAdmins() == 1) {
            throw new RuleViolation(Refusal.MEMBER_LAST_ADMIN_LEAVES, "The last admin cannot leave; appoint another admin first");
        }
        apply(new MemberLeft(cooperativeId, command.memberId(), command.leftOn()));
    }

    /**
     * Erases a departed member (GDPR article 17): only once they have left, have no risk-pool claim open
     * and owe or are owed nothing in the books; only once.
     */
    @CommandHandler
    public void handle(EraseMember command) {
        Membership member = existing(command.memberId());
        if (member.erased) {
            throw new Conflict(Refusal.MEMBER_ALREADY_ERASED, "The member's personal data has already been erased");
        }
        if (member.isStaying()) {
            throw new RuleViolation(Refusal.MEMBER_ERASE_STAYING, "Only the data of a member who has left can be erased");
        }
        if (command.openRiskPoolClaim()) {
            throw new RuleViolation(Refusal.MEMBER_ERASE_OPEN_CLAIM,
                    "The member still has an open risk-pool claim; close or reject it first");
        }
        if (command.booksBalance() == null || !command.booksBalance().isZero()) {
            throw new RuleViolation(Refusal.MEMBER_ERASE_BALANCE, "The member's balance in the books is "
                    + command.booksBalance() + "; settle it to zero first", command.booksBalance());
        }
        apply(new MemberErased(cooperativeId, command.memberId()));
    }

    @CommandHandler
    public void handle(AppointRole command) {
        Membership member = existing(command.memberId());
        if (command.role() == Role.MEMBER) {
            throw new RuleViolation(Refusal.MEMBER_EVERYONE_MEMBER, "Every active member already holds the MEMBER role");
        }
        if (!member.isStaying()) {
            throw new RuleViolation(Refusal.MEMBER_LEFT_MEMBER, "A member who left cannot be given a role");
        }
        if (member.roles.contains(command.role())) {
            throw new Conflict(Refusal.MEMBER_HOLDS_ROLE, "The member already holds the role " + command.role(),
                    command.role());
        }
        apply(new RoleAppointed(cooperativeId, command.memberId(), command.role()));
    }

    @CommandHandler
    public void handle(RevokeRole command) {
        Membership member = existing(command.memberId());
        if (!member.roles.contains(command.role())) {
            throw new Conflict(Refusal.MEMBER_NOT_HELD, "The member does not hold the role " + command.role(),
                    command.role());
        }
        if (command.role() == Role.ADMIN && member.isStaying() && stayingAdmins() == 1) {
            throw new RuleViolation(Refusal.MEMBER_LAST_ADMIN_ROLE, "The last admin cannot lose the role; appoint another admin first");
        }
        apply(new RoleRevoked(cooperativeId, command.memberId(), command.role()));
    }

    @CommandHandler
    public void handle(ClosePeriod command) {
        Dates.require(command.period(), "period");
        if (closedPeriods.contains(command.period())) {
            throw new Conflict(Refusal.PERIOD_ALREADY_CLOSED, "The period " + command.period() + " is already closed", command.period());
        }
        if (!command.period().atEndOfMonth().isBefore(command.closedOn())) {
            throw new RuleViolation(Refusal.PERIOD_NOT_ENDED, "The period " + command.period() + " can be closed once it has ended",
                    command.period());
        }
        apply(new PeriodClosed(cooperativeId, command.period(), command.closedOn()));
    }

    @CommandHandler
    public void handle(ReopenPeriod command) {
        Texts.requirePlain(command.reason(), "reason");
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation(Refusal.PERIOD_REOPEN_REASON, "Reopening a period needs a reason");
        }
        if (!closedPeriods.contains(command.period())) {
            throw new Conflict(Refusal.PERIOD_NOT_CLOSED, "The period " + command.period() + " is not closed", command.period());
        }
        apply(new PeriodReopened(cooperativeId, command.period(), command.reason().strip()));
    }

    @EventSourcingHandler
    void on(CooperativeFounded event) {
        cooperativeId = event.cooperativeId();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(MemberJoined event) {
        members.put(event.memberId(), new Membership(event.emailFingerprint(), event.joinedOn()));
    }

    @EventSourcingHandler
    void on(MemberLeft event) {
        members.get(event.memberId()).leftOn = event.leftOn();
    }

    /** The fingerprint is forgotten too, so no snapshot taken from now on holds it. */
    @EventSourcingHandler
    void on(MemberErased event) {
        Membership member = members.get(event.memberId());
        member.emailFingerprint = null;
        member.erased = true;
    }

    @EventSourcingHandler
    void on(RoleAppointed event) {
        members.get(event.memberId()).roles.add(event.role());
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        members.get(event.memberId()).roles.remove(event.role());
    }

    @EventSourcingHandler
    void on(PeriodClosed event) {
        closedPeriods.add(event.period());
    }

    @EventSourcingHandler
    void on(PeriodReopened event) {
        closedPeriods.remove(event.period());
    }

    private Membership existing(MemberId memberId) {
        Membership member = members.get(memberId);
        if (member == null) {
            throw new NotFound(Refusal.MEMBER_NOT_FOUND, "No member " + memberId + " in this cooperative", memberId);
        }
        return member;
    }

    private long stayingAdmins() {
        return members.values().stream().filter(m -> m.isStaying() && m.roles.contains(Role.ADMIN)).count();
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation(Refusal.COOPERATIVE_NAME, "A cooperative needs a name");
        }
    }

    private static void requireRate(Money hourlyRate, Currency currency) {
        if (!hourlyRate.currency().equals(currency)) {
            throw new RuleViolation(Refusal.MEMBER_RATE_CURRENCY, "The hourly rate must be in the cooperative's currency, " + currency,
                    currency);
        }
        if (hourlyRate.isNegative()) {
            throw new RuleViolation(Refusal.MEMBER_RATE_NEGATIVE, "The hourly rate cannot be negative");
        }
    }

    /** Skills compare without case or surrounding spaces, each once, in a stable order. */
    private static List<String> normaliseSkills(List<String> skills) {
        return skills.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    }

    /** What the aggregate remembers of a member to decide on commands. */
    private static final class Membership {
        /** Null once the member is erased. */
        private String emailFingerprint;
        private final LocalDate joinedOn;
        private final Set<Role> roles = EnumSet.noneOf(Role.class);
        private LocalDate leftOn;
        private boolean erased;

        private Membership() {
            this(null, null); // read back from a snapshot, which then sets every field
        }

        private Membership(String emailFingerprint, LocalDate joinedOn) {
            this.emailFingerprint = emailFingerprint;
            this.joinedOn = joinedOn;
        }

        /**
         * No leaving date on record: neither left nor given notice. Not whether they are active on a date
         * ({@link MembershipPeriod#activeOn}): the aggregate knows no today, so from the moment a leaving
         * is recorded the member can no longer leave again, take a role or keep the last admin's place.
         */
        private boolean isStaying() {
            return leftOn == null;
        }

        // Axon's test fixture compares the state built by command handling with the state
        // sourced from the same events, so memberships compare by value.
        @Override
        public boolean equals(Object other) {
            return other instanceof Membership that && java.util.Objects.equals(emailFingerprint, that.emailFingerprint)
                    && joinedOn.equals(that.joinedOn) && roles.equals(that.roles)
                    && java.util.Objects.equals(leftOn, that.leftOn) && erased == that.erased;
        }

        @Override
        public int hashCode() {
            return joinedOn.hashCode();
        }
    }
}
