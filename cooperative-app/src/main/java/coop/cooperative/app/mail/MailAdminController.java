package coop.cooperative.app.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The installation administrator's view of mail that has not gone out yet: waiting, or failing. */
@Tag(name = "Administration")
@RestController
@PreAuthorize("hasRole('ADMINISTRATOR')")
class MailAdminController {

    private final MailOutbox outbox;

    MailAdminController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Operation(summary = "Mail waiting in the outbox", operationId = "listWaitingMail")
    @GetMapping("/api/admin/mail")
    List<MailOutbox.Waiting> waiting() {
        return outbox.waiting();
    }
}
