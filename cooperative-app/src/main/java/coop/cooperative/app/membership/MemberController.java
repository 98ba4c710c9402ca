package coop.cooperative.app.membership;

import coop.cooperative.app.web.Skill;
import coop.cooperative.app.membership.Members.Member;
import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.members.MemberQueries.MemberStatus;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Tag(name = "Members", description = "Joining, roles, leaving and invitations")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}/members")
class MemberController {

    private final Membership membership;
    private final Members members;
    private final CooperativeAccess access;
    private final Clock clock;

    MemberController(Membership membership, Members members, CooperativeAccess access,
                     Clock clock) {
        this.membership = membership;
        this.members = members;
        this.access = access;
        this.clock = clock;
    }

    /**
     * A freelancer joins; the answer carries their id and, when the installation sends no mail, the
     * token of the invitation link for the admin to pass on (with mail it goes to their mailbox only).
     */
    @Operation(summary = "Let a freelancer join (answers an invitation token)", operationId = "joinMember")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ResponseEntity<JoinResponse> join(@PathVariable CooperativeId cooperativeId, @Valid @RequestBody JoinRequest request) {
        Money hourlyRate = Amounts.positive("hourlyRate", request.hourlyRate(), access.cooperative(cooperativeId).currency());
        Membership.Joined joined = membership.join(cooperativeId, request.name(), request.email(), request.skills(),
                hourlyRate, request.joinedOn() != null ? request.joinedOn() : LocalDate.now(clock));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}").buildAndExpand(joined.memberId().value()).toUri())
                .body(new JoinResponse(joined.memberId(), joined.invitationToken(), joined.invitationMailed(),
                        members.get(cooperativeId, joined.memberId())));
    }

    /** A new invitation for a member whose login does not hold their membership yet (a lost or expired link). */
    @Operation(summary = "Send a member a new invitation", operationId = "reinviteMember")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{memberId}/invitation")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ResponseEntity<InvitationResponse> reinvite(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId) {
        Member member = members.get(cooperativeId, memberId);
        if (member.status() == MemberStatus.LEFT || member.invitationAccepted()) {
            throw member.invitationAccepted()
                    ? new DomainException.Conflict(Refusal.MEMBER_INVITATION_ACCEPTED, "This member already accepted their invitation")
                    : new DomainException.Conflict(Refusal.MEMBER_INVITATION_LEFT, "This member has left");
        }
        String token = membership.invite(cooperativeId, memberId, member.name(), member.email()).orElse(null);
        return ResponseEntity.status(HttpStatus.CREATED).body(new InvitationResponse(token, token == null));
    }

    @Operation(summary = "List the members", operationId = "listMembers")
    @GetMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    List<Member> members(@PathVariable CooperativeId cooperativeId) {
        return members.of(cooperativeId);
    }

    @Operation(summary = "Get a member", operationId = "getMember")
    @GetMapping("/{memberId}")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    Member member(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId) {
        return members.get(cooperativeId, memberId);
    }

    /** A member leaves: their own decision, or recorded by an admin. */
    @Operation(summary = "Let a member leave on a date", operationId = "leaveCooperative")
    @PostMapping("/{memberId}/leave")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #memberId, 'ADMIN')")
    Member leave(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                         @Valid @RequestBody LeaveRequest request) {
        members.get(cooperativeId, memberId);
        membership.leave(cooperativeId, memberId, request.date());
        return member(cooperativeId, memberId);
    }

    @Operation(summary = "Give a member a role", operationId = "appointRole")
    @PostMapping("/{memberId}/roles")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    Member appoint(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                           @Valid @RequestBody RoleRequest request) {
        members.get(cooperativeId, memberId);
        membership.appoint(cooperativeId, memberId, request.role());
        return member(cooperativeId, memberId);
    }

    @Operation(summary = "Take a role from a member", operationId = "revokeRole")
    @DeleteMapping("/{memberId}/roles/{role}")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    Member revoke(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                          @PathVariable Role role) {
        members.get(cooperativeId, memberId);
        membership.revoke(cooperativeId, memberId, role);
        return member(cooperativeId, memberId);
    }

    record JoinRequest(@NotBlank @Size(max = 200) String name,
                       @NotBlank @Email @Size(max = 320) String email,
                       @NotNull @Size(max = 30) List<@NotNull @Skill String> skills,
                       @NotNull String hourlyRate,
                       LocalDate joinedOn) {
    }

    record JoinResponse(MemberId memberId, String invitationToken, boolean invitationMailed, Member member) {
    }

    record InvitationResponse(String invitationToken, boolean invitationMailed) {
    }

    record LeaveRequest(@NotNull LocalDate date) {
    }

    record RoleRequest(@NotNull Role role) {
    }
}
