package coop.cooperative.app.erasure;

import coop.cooperative.app.erasure.Erasure.Erased;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An admin erases a departed member's personal data (docs/data.md, "Erasure"). */
@Tag(name = "Members", description = "Joining, roles, leaving and invitations")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}/members")
class ErasureController {

    private final Erasure erasure;

    ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    /**
     * Refused (422) while the member stays, has an open risk-pool claim or a balance other than zero
     * in the books; a second time 409. {@code erasedAs}: how the member is named from now on, in the
     * request's language ("former member 3").
     */
    @Operation(summary = "Erase a departed member's personal data", operationId = "eraseMember")
    @PostMapping("/{memberId}/erase")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    Erased erase(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId) {
        return erasure.erase(cooperativeId, memberId, LocaleContextHolder.getLocale());
    }
}
