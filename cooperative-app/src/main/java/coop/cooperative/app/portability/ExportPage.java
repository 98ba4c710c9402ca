package coop.cooperative.app.portability;

import coop.cooperative.app.web.Download;
import coop.cooperative.core.shared.CooperativeId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The cooperative's archive as a download from its admin page; the API's is for Basic auth and tokens. */
@Controller
class ExportPage {

    private final CooperativeArchives archives;

    ExportPage(CooperativeArchives archives) {
        this.archives = archives;
    }

    @GetMapping("/cooperatives/{cooperativeId}/admin/export")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ResponseEntity<byte[]> download(@PathVariable CooperativeId cooperativeId) {
        CooperativeArchives.Download archive = archives.export(cooperativeId);
        return Download.of(archive.filename(), Download.ZIP, archive.zip());
    }
}
