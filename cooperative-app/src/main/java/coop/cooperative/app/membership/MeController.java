package coop.cooperative.app.membership;

import coop.cooperative.app.security.SignedInAccount;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Who am I: the signed-in account and its memberships, so a client knows which ids to use. */
@Tag(name = "Me", description = "The signed-in account: who I am, my settings, my API tokens")
@RestController
class MeController {

    private final CooperativeAccess access;
    private final MemberProfiles profiles;

    MeController(CooperativeAccess access, MemberProfiles profiles) {
        this.access = access;
        this.profiles = profiles;
    }

    @Operation(summary = "Who I am and in which cooperatives", operationId = "getMe")
    @GetMapping("/api/me")
    Me me() {
        SignedInAccount account = CooperativeAccess.signedIn();
        List<MyMembership> memberships = profiles.membershipsOf(account.accountId()).stream()
                .flatMap(m -> access.member(m.memberId()).stream())
                .map(m -> new MyMembership(m.cooperativeId(), m.memberId(), m.status().name(),
                        m.rolesHeld()))
                .toList();
        return new Me(account.accountId(), account.email(), account.displayName(), memberships);
    }

    record Me(UUID accountId, String email, String name, List<MyMembership> memberships) {
    }

    record MyMembership(CooperativeId cooperativeId, MemberId memberId, String status, List<Role> roles) {
    }
}
