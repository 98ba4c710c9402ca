package coop.cooperative.projections.members;

import coop.cooperative.core.membership.MembershipPeriod;
import coop.cooperative.core.membership.api.Policies;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The queries the members read model answers, and the views it answers with. */
public final class MemberQueries {

    private MemberQueries() {
    }

    public record FindCooperative(CooperativeId cooperativeId) {
    }

    public record FindMembers(CooperativeId cooperativeId) {
    }

    public record FindMember(MemberId memberId) {
    }

    public record CooperativeView(CooperativeId cooperativeId, String name, Currency currency, LocalDate foundedOn,
                                  Policies policies) {
    }

    public enum MemberStatus {
        /** A member of the cooperative. */
        ACTIVE,
        /** Has given notice: still a member until the leaving date. */
        LEAVING,
        /** Left the cooperative. */
        LEFT
    }

    public record MemberView(MemberId memberId, CooperativeId cooperativeId, MemberStatus status, List<String> skills,
                             Set<Role> roles, Money hourlyRate, LocalDate joinedOn, LocalDate leftOn) {

        public MembershipPeriod period() {
            return new MembershipPeriod(joinedOn, leftOn);
        }

        public boolean isMember() {
            return status != MemberStatus.LEFT;
        }

        public boolean holds(Role role) {
            return rolesHeld().contains(role);
        }

        /** The roles this member holds now: MEMBER and their appointed roles while a member, none after leaving. */
        public List<Role> rolesHeld() {
            if (!isMember()) {
                return List.of();
            }
            return Stream.concat(Stream.of(Role.MEMBER), roles.stream()).toList();
        }
    }
}
