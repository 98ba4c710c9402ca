package coop.cooperative.app.memberdata;

import coop.cooperative.app.web.Download;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The signed-in member's own data as a download from their page; the API's is for Basic auth and tokens. */
@Controller
class MemberDataPage {

    private final CooperativeAccess access;
    private final MemberDataExport export;

    MemberDataPage(CooperativeAccess access, MemberDataExport export) {
        this.access = access;
        this.export = export;
    }

    @GetMapping("/cooperatives/{cooperativeId}/me/data")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    ResponseEntity<byte[]> download(@PathVariable CooperativeId cooperativeId) {
        MemberView me = access.currentMember(cooperativeId).orElseThrow(() -> new AccessDeniedException("Not a member"));
        return Download.of("my-data.zip", Download.ZIP, export.zipFor(cooperativeId, me.memberId()));
    }
}
