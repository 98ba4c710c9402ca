package coop.cooperative.app.membership;

import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.membership.MemberProfiles.Profile;
import coop.cooperative.app.web.Amounts;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.members.MemberQueries.FindMembers;
import coop.cooperative.projections.members.MemberQueries.MemberStatus;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}/members")
class MemberController {


    private final Membership membership;
    private final CooperativeAccess access;
    private final MemberProfiles profiles;
    private final QueryGateway queries;
    private final ProjectionCatchUp views;
    private final Clock clock;

    MemberController(Membership membership, CooperativeAccess access, MemberProfiles profiles, QueryGateway queries,
                     ProjectionCatchUp views, Clock clock) {
        this.membership = membership;
        this.access = access;
        this.profiles = profiles;
        this.queries = queries;
        this.views = views;
        this.clock = clock;
    }

    /** A freelancer joins; the answer carries their id and the token that activates their login. */
    @PostMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ResponseEntity<JoinResponse> join(@PathVariable CooperativeId cooperativeId, @Valid @RequestBody JoinRequest request) {
        Money hourlyRate = Amounts.positive("hourlyRate", request.hourlyRate(), access.cooperative(cooperativeId).currency());
        Membership.Joined joined = membership.join(cooperativeId, request.name(), request.email(), request.skills(),
                hourlyRate, request.joinedOn() != null ? request.joinedOn() : LocalDate.now(clock));
        views.await();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}").buildAndExpand(joined.memberId().value()).toUri())
                .body(new JoinResponse(joined.memberId(), joined.invitationToken(),
                        response(find(cooperativeId, joined.memberId()), profiles.of(cooperativeId))));
    }

    @GetMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    List<MemberResponse> members(@PathVariable CooperativeId cooperativeId) {
        Map<MemberId, Profile> names = profiles.of(cooperativeId);
        return memberViews(cooperativeId).stream()
                .map(m -> response(m, names))
                .sorted(Comparator.comparing(MemberResponse::name, Comparator.nullsLast(String::compareToIgnoreCase)))
                .toList();
    }

    @GetMapping("/{memberId}")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    MemberResponse member(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId) {
        return response(find(cooperativeId, memberId), profiles.of(cooperativeId));
    }

    /** A member leaves: their own decision, or recorded by an admin. */
    @PostMapping("/{memberId}/leave")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #memberId, 'ADMIN')")
    MemberResponse leave(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                         @Valid @RequestBody LeaveRequest request) {
        find(cooperativeId, memberId);
        membership.leave(cooperativeId, memberId, request.date());
        views.await();
        return member(cooperativeId, memberId);
    }

    @PostMapping("/{memberId}/roles")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    MemberResponse appoint(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                           @Valid @RequestBody RoleRequest request) {
        find(cooperativeId, memberId);
        membership.appoint(cooperativeId, memberId, request.role());
        views.await();
        return member(cooperativeId, memberId);
    }

    @DeleteMapping("/{memberId}/roles/{role}")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    MemberResponse revoke(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                          @PathVariable Role role) {
        find(cooperativeId, memberId);
        membership.revoke(cooperativeId, memberId, role);
        views.await();
        return member(cooperativeId, memberId);
    }

    private List<MemberView> memberViews(CooperativeId cooperativeId) {
        return queries.query(new FindMembers(cooperativeId), ResponseTypes.multipleInstancesOf(MemberView.class)).join();
    }

    /** The member, if they belong to this cooperative; a member of another one is as unknown as a made-up id. */
    private MemberView find(CooperativeId cooperativeId, MemberId memberId) {
        return access.member(memberId)
                .filter(m -> m.cooperativeId().equals(cooperativeId))
                .orElseThrow(() -> new NotFound("No member " + memberId + " in this cooperative"));
    }

    private static MemberResponse response(MemberView member, Map<MemberId, Profile> profiles) {
        Profile profile = profiles.get(member.memberId());
        return new MemberResponse(member.memberId(), profile != null ? profile.name() : null,
                profile != null ? profile.email() : null, member.status(), member.skills(), member.rolesHeld(),
                member.hourlyRate().toString(), member.joinedOn(), member.leftOn());
    }

    record JoinRequest(@NotBlank @Size(max = 200) String name,
                       @NotBlank @Email @Size(max = 320) String email,
                       @NotNull @Size(max = 30) List<@NotNull @Skill String> skills,
                       @NotNull String hourlyRate,
                       LocalDate joinedOn) {
    }

    record JoinResponse(MemberId memberId, String invitationToken, MemberResponse member) {
    }

    record LeaveRequest(@NotNull LocalDate date) {
    }

    record RoleRequest(@NotNull Role role) {
    }

    record MemberResponse(MemberId memberId, String name, String email, MemberStatus status, List<String> skills,
                          List<Role> roles, String hourlyRate, LocalDate joinedOn, LocalDate leftOn) {
    }
}
