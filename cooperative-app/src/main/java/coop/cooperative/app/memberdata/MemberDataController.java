package coop.cooperative.app.memberdata;

import coop.cooperative.app.web.Download;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A member downloads their own data. */
@Tag(name = "Data", description = "People's own data, to take elsewhere")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}/members/{memberId}")
class MemberDataController {

    private final MemberDataExport export;

    MemberDataController(MemberDataExport export) {
        this.export = export;
    }

    @Operation(summary = "Your own data in this cooperative, as a zip of JSON and CSV files", operationId = "getMemberData",
            description = "profile, membership and roles, hours, costs paid or shared, balance history, risk-pool account "
                    + "and claims with their reasons. Only the member themself may download it.")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/data")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    ResponseEntity<byte[]> data(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId) {
        return Download.of("my-data.zip", Download.ZIP, export.zipFor(cooperativeId, memberId));
    }
}
