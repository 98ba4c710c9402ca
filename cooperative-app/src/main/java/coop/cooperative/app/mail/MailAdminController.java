package coop.cooperative.app.mail;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The installation administrator's view of mail that has not gone out yet: waiting, or failing. */
@RestController
@PreAuthorize("hasRole('ADMINISTRATOR')")
class MailAdminController {

    private final MailOutbox outbox;

    MailAdminController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/admin/mail")
    List<MailOutbox.Waiting> waiting() {
        return outbox.waiting();
    }
}
