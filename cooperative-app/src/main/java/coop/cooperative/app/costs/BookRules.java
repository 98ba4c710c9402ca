package coop.cooperative.app.costs;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.operations.RuleViewsParked;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.hours.HoursQueries.FindHoursPerMember;
import coop.cooperative.projections.hours.HoursQueries.HoursPerMember;
import coop.cooperative.projections.members.MemberQueries.FindMembers;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the books' commands need from the read models before they are sent: who was a member on a
 * date, who holds which role, the hours logged, and who the caller is.
 */
@Service
public class BookRules {

    private final QueryGateway queries;
    private final CooperativeAccess access;
    private final RuleViewsParked parked;

    BookRules(QueryGateway queries, CooperativeAccess access, RuleViewsParked parked) {
        this.queries = queries;
        this.access = access;
        this.parked = parked;
    }

    /** Refuses (503) while the periods or members view holds a parked event of the cooperative. */
    public void requireViewsCurrent(CooperativeId cooperativeId) {
        parked.requireNoneParked(cooperativeId);
    }

    /** The hours each member logged in a month, the weights of an HOURS split. */
    public Map<MemberId, BigDecimal> hoursLogged(CooperativeId cooperativeId, YearMonth month) {
        return queries.query(new FindHoursPerMember(cooperativeId, month), HoursPerMember.class).join().hours();
    }

    public Map<MemberId, MemberView> members(CooperativeId cooperativeId) {
        return queries.query(new FindMembers(cooperativeId), ResponseTypes.multipleInstancesOf(MemberView.class))
                .join().stream().collect(Collectors.toMap(MemberView::memberId, Function.identity()));
    }

    /** The members active on a date ({@link coop.cooperative.core.membership.MembershipPeriod#activeOn}). */
    public static Set<MemberId> activeOn(Map<MemberId, MemberView> members, LocalDate date) {
        return members.values().stream()
                .filter(m -> m.period().activeOn(date))
                .map(MemberView::memberId)
                .collect(Collectors.toSet());
    }

    public static List<MemberId> sorted(Set<MemberId> members) {
        return members.stream().sorted().toList();
    }

    /** The members who hold a role now (nobody who left holds one). */
    public static Set<MemberId> holding(Map<MemberId, MemberView> members, Role role) {
        return members.values().stream().filter(m -> m.holds(role)).map(MemberView::memberId)
                .collect(Collectors.toSet());
    }

    /** The caller's member id in this cooperative (the security rules already let only members in). */
    public MemberId caller(CooperativeId cooperativeId) {
        return access.currentMember(cooperativeId)
                .map(MemberView::memberId)
                .orElseThrow(() -> new AccessDeniedException("not a member of this cooperative"));
    }

    public boolean callerHolds(CooperativeId cooperativeId, Role role) {
        return access.currentMember(cooperativeId).map(m -> m.holds(role)).orElse(false);
    }
}
