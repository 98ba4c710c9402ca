package coop.cooperative.app.portability;

import coop.cooperative.app.web.Download;
import coop.cooperative.app.web.Problems;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.shared.CooperativeId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** A whole cooperative out of one installation and into another (docs/data.md, "Export and re-import"). */
@Tag(name = "Data", description = "People's own data, to take elsewhere")
@RestController
class PortabilityController {

    private final CooperativeArchives archives;
    private final long maxBytes;

    PortabilityController(CooperativeArchives archives,
                          @Value("${cooperative.imports.max-size:64MB}") DataSize maxSize) {
        this.archives = archives;
        this.maxBytes = maxSize.toBytes();
    }

    @Operation(summary = "The whole cooperative as one archive, to import into another installation", operationId = "exportCooperative",
            description = "A zip of manifest.json (format version, counts and SHA-256 of the other parts), events.jsonl "
                    + "(every event of the cooperative as stored, in order), profiles.json (names, emails and the minimal "
                    + "state of logins, never a password), fingerprint-keys.json and claim-reasons.json. Admins only.")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/cooperatives/{cooperativeId}/export")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ResponseEntity<byte[]> export(@PathVariable CooperativeId cooperativeId) {
        CooperativeArchives.Download archive = archives.export(cooperativeId);
        return Download.of(archive.filename(), Download.ZIP, archive.zip());
    }

    @Operation(summary = "Import a cooperative from another installation's archive", operationId = "importCooperative",
            description = "Checks the whole archive first (format version, every part's SHA-256 and count, complete "
                    + "lines, known event types), then appends its events and writes its people in one transaction, and "
                    + "answers once the views show it: a fresh invitation for every login the cooperative had (the token "
                    + "is null when it was mailed). 409 when the cooperative is here already; 400 naming the damaged part. "
                    + "The installation's administrator only.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "the archive",
                    content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "413", description = "The archive is larger than cooperative.imports.max-size",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping(value = "/api/admin/imports", consumes = "application/zip")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    ResponseEntity<?> importArchive(HttpServletRequest request) throws IOException {
        byte[] zip = body(request);
        if (zip == null) {
            ProblemDetail tooLarge = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Archive too large",
                    "The archive is larger than " + maxBytes / 1024 / 1024 + " MB (cooperative.imports.max-size)");
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge);
        }
        CooperativeArchives.Imported imported = archives.importArchive(zip);
        return ResponseEntity.created(URI.create("/api/cooperatives/" + imported.cooperativeId())).body(imported);
    }

    /** The body, or null when it is larger than allowed (read no further than that). */
    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return null;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (body.size() + read > maxBytes) {
                    return null;
                }
                body.write(buffer, 0, read);
            }
        }
        return body.toByteArray();
    }
}
