package coop.cooperative.app.portability;

import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.pages.Refusals;
import coop.cooperative.app.web.FieldError;
import coop.cooperative.app.web.InvalidRequestException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;

/**
 * The installation's administrator imports a cooperative's archive from another installation, and
 * sees what came: the cooperative, its events, and the invitation of everyone who had a login.
 */
@Controller
class ImportPage {

    private final CooperativeArchives archives;
    private final RefusalWords refusals;

    ImportPage(CooperativeArchives archives, RefusalWords refusals) {
        this.archives = archives;
        this.refusals = refusals;
    }

    @GetMapping("/imports")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String form() {
        return "imports";
    }

    @PostMapping("/imports")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String importArchive(@RequestParam(name = "archive", required = false) MultipartFile archive, Model model)
            throws IOException {
        if (archive == null || archive.isEmpty()) {
            model.addAttribute("noArchive", true);
            return "imports";
        }
        try {
            model.addAttribute("imported", archives.importArchive(archive.getBytes()));
        } catch (InvalidRequestException e) {
            model.addAttribute("problems", e.errors());
        } catch (RuntimeException e) {
            model.addAttribute("problems", List.of(new FieldError("archive", refusals.say(Refusals.of(e)))));
        }
        return "imports";
    }
}
