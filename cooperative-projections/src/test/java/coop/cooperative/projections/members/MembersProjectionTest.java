package coop.cooperative.projections.members;

import coop.cooperative.core.membership.api.CooperativeFounded;
import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.core.membership.api.MemberLeft;
import coop.cooperative.core.membership.api.Policies;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.membership.api.RoleAppointed;
import coop.cooperative.core.membership.api.RoleRevoked;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.ProjectionDatabase;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.FindCooperative;
import coop.cooperative.projections.members.MemberQueries.FindMember;
import coop.cooperative.projections.members.MemberQueries.FindMembers;
import coop.cooperative.projections.members.MemberQueries.MemberStatus;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static coop.cooperative.projections.Given.ANNA;
import static coop.cooperative.projections.Given.BRAM;
import static coop.cooperative.projections.Given.CAS;
import static coop.cooperative.projections.Given.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The members read model: given a founding, joinings, leavings and roles, what the cooperative and
 * its members look like. Whether someone has left is judged on the view's clock, fixed here.
 */
class MembersProjectionTest {

    private static final CooperativeId COOPERATIVE = new CooperativeId(UUID.randomUUID());
    private static final LocalDate FOUNDED = LocalDate.of(2026, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 15);


    private final ProjectionDatabase database = new ProjectionDatabase();
    private final MembersProjection members = new MembersProjection(database.jdbc(),
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @BeforeEach
    void aFoundedCooperative() {
        members.on(new CooperativeFounded(COOPERATIVE, "Gilde", EUR,
                Policies.defaults(EUR).withVatRegistered(true), FOUNDED));
    }

    @AfterEach
    void dropTheDatabase() {
        database.close();
    }

    @Test
    void theCooperativeIsShownWithItsPolicies() {
        CooperativeView cooperative = members.handle(new FindCooperative(COOPERATIVE)).orElseThrow();

        assertThat(cooperative.name()).isEqualTo("Gilde");
        assertThat(cooperative.currency()).isEqualTo(EUR);
        assertThat(cooperative.foundedOn()).isEqualTo(FOUNDED);
        assertThat(cooperative.policies()).isEqualTo(Policies.defaults(EUR).withVatRegistered(true));
        assertThat(members.handle(new FindCooperative(new CooperativeId(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void membersAreListedInTheOrderTheyJoinedWithTheirSkillsAndRate() {
        members.on(joined(BRAM, LocalDate.of(2026, 2, 1), "java", "ux"));
        members.on(joined(ANNA, LocalDate.of(2026, 3, 1)));
        members.on(joined(CAS, LocalDate.of(2026, 2, 1), "finance"));

        List<MemberView> listed = members.handle(new FindMembers(COOPERATIVE));

        assertThat(listed).extracting(MemberView::memberId, MemberView::skills, MemberView::joinedOn, MemberView::status)
                .containsExactly(
                        tuple(BRAM, List.of("java", "ux"), LocalDate.of(2026, 2, 1), MemberStatus.ACTIVE),
                        tuple(CAS, List.of("finance"), LocalDate.of(2026, 2, 1), MemberStatus.ACTIVE),
                        tuple(ANNA, List.of(), LocalDate.of(2026, 3, 1), MemberStatus.ACTIVE));
        assertThat(listed).extracting(MemberView::hourlyRate).containsOnly(Money.of("85.50", EUR));
    }

    @Test
    void rolesAreAppointedAndRevokedAndEveryMemberHoldsTheMemberRole() {
        members.on(joined(ANNA, FOUNDED));
        members.on(new RoleAppointed(COOPERATIVE, ANNA, Role.TREASURER));
        members.on(new RoleAppointed(COOPERATIVE, ANNA, Role.ADMIN));
        members.on(new RoleAppointed(COOPERATIVE, ANNA, Role.ADMIN));

        members.on(new RoleRevoked(COOPERATIVE, ANNA, Role.TREASURER));

        MemberView view = member(ANNA);
        assertThat(view.roles()).containsExactly(Role.ADMIN);
        assertThat(view.rolesHeld()).containsExactly(Role.MEMBER, Role.ADMIN);
        assertThat(view.holds(Role.TREASURER)).isFalse();
    }

    @Test
    void aMemberWhoGaveNoticeIsLeavingUntilTheDayAndLeftFromIt() {
        members.on(joined(ANNA, FOUNDED));
        members.on(joined(BRAM, FOUNDED));
        members.on(new RoleAppointed(COOPERATIVE, BRAM, Role.TREASURER));

        members.on(new MemberLeft(COOPERATIVE, ANNA, TODAY.plusDays(1)));
        members.on(new MemberLeft(COOPERATIVE, BRAM, TODAY));

        assertThat(member(ANNA).status()).isEqualTo(MemberStatus.LEAVING);
        assertThat(member(ANNA).isMember()).isTrue();
        assertThat(member(BRAM).status()).isEqualTo(MemberStatus.LEFT);
        assertThat(member(BRAM).leftOn()).isEqualTo(TODAY);
        assertThat(member(BRAM).rolesHeld()).as("a leaver holds no role").isEmpty();
    }

    @Test
    void aJoiningHandledAgainAsInAReplayIsOneMemberAndAResetEmptiesTheView() {
        MemberJoined joined = joined(ANNA, FOUNDED, "java");
        members.on(joined);
        members.on(new RoleAppointed(COOPERATIVE, ANNA, Role.ADMIN));

        members.on(joined);

        assertThat(members.handle(new FindMembers(COOPERATIVE))).hasSize(1);
        members.reset();
        assertThat(members.handle(new FindMembers(COOPERATIVE))).isEmpty();
        assertThat(members.handle(new FindMember(ANNA))).isEmpty();
        assertThat(members.handle(new FindCooperative(COOPERATIVE))).isEmpty();
    }

    @Test
    void eachCooperativeListsOnlyItsOwnMembers() {
        CooperativeId other = new CooperativeId(UUID.randomUUID());
        members.on(new CooperativeFounded(other, "Ander Collectief", EUR, Policies.defaults(EUR), FOUNDED));
        members.on(joined(ANNA, FOUNDED));
        members.on(new MemberJoined(other, BRAM, "fingerprint", List.of(), Money.of("70.00", EUR), FOUNDED));

        assertThat(members.handle(new FindMembers(COOPERATIVE))).extracting(MemberView::memberId).containsExactly(ANNA);
        assertThat(members.handle(new FindMembers(other))).extracting(MemberView::memberId).containsExactly(BRAM);
        assertThat(member(BRAM).cooperativeId()).isEqualTo(other);
    }

    private MemberView member(MemberId member) {
        return members.handle(new FindMember(member)).orElseThrow();
    }

    private static MemberJoined joined(MemberId member, LocalDate on, String... skills) {
        return new MemberJoined(COOPERATIVE, member, "fingerprint-" + member.value(), List.of(skills),
                Money.of("85.50", EUR), on);
    }
}
