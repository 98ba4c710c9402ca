package coop.cooperative.core.membership.api;

import coop.cooperative.core.riskpool.api.PoolChangeDates;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/**
 * The commands of membership. Name and email travel in commands (which are never stored)
 * so the aggregate can enforce one membership per email; the events carry only a fingerprint.
 */
public final class MembershipCommands {

    private MembershipCommands() {
    }

    /**
     * Found a cooperative; the founder joins it as its first ADMIN and TREASURER. The founder's
     * hourly rate may be zero, meaning not set yet. The policies are the defaults, but for
     * {@code vatRegistered} and {@code riskPoolChangeDates} (null: the default), which the founders know.
     */
    public record FoundCooperative(@TargetAggregateIdentifier CooperativeId cooperativeId,
                                   String name,
                                   Currency currency,
                                   MemberId founderId,
                                   String founderEmail,
                                   List<String> founderSkills,
                                   Money founderHourlyRate,
                                   LocalDate foundedOn,
                                   boolean vatRegistered,
                                   PoolChangeDates riskPoolChangeDates) {

        /** Founded as not VAT-registered, with the default risk-pool change dates. */
        public FoundCooperative(CooperativeId cooperativeId, String name, Currency currency, MemberId founderId,
                                String founderEmail, List<String> founderSkills, Money founderHourlyRate,
                                LocalDate foundedOn) {
            this(cooperativeId, name, currency, founderId, founderEmail, founderSkills, founderHourlyRate, foundedOn,
                    false, null);
        }
    }

    public record JoinCooperative(@TargetAggregateIdentifier CooperativeId cooperativeId,
                                  MemberId memberId,
                                  String email,
                                  List<String> skills,
                                  Money hourlyRate,
                                  LocalDate joinedOn) {
    }

    public record LeaveCooperative(@TargetAggregateIdentifier CooperativeId cooperativeId,
                                   MemberId memberId,
                                   LocalDate leftOn) {
    }

    public record AppointRole(@TargetAggregateIdentifier CooperativeId cooperativeId,
                              MemberId memberId,
                              Role role) {
    }

    /** Close a month: from then on nothing may be dated in it. {@code closedOn} is today, given by the caller. */
    public record ClosePeriod(@TargetAggregateIdentifier CooperativeId cooperativeId,
                              YearMonth period,
                              LocalDate closedOn) {
    }

    /** Reopen a closed month, with the reason on record. */
    public record ReopenPeriod(@TargetAggregateIdentifier CooperativeId cooperativeId,
                               YearMonth period,
                               String reason) {
    }

    public record RevokeRole(@TargetAggregateIdentifier CooperativeId cooperativeId,
                             MemberId memberId,
                             Role role) {
    }

    /**
     * Erase a departed member's personal data (GDPR article 17). What the aggregate cannot see itself
     * travels with the command, read by the application just before: whether the member has a
     * risk-pool claim still open, and their balance in the books (which must be zero).
     */
    public record EraseMember(@TargetAggregateIdentifier CooperativeId cooperativeId,
                              MemberId memberId,
                              boolean openRiskPoolClaim,
                              Money booksBalance) {
    }
}
