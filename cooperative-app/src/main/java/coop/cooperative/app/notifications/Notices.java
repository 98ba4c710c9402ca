package coop.cooperative.app.notifications;

import coop.cooperative.app.mail.Letter;
import coop.cooperative.app.mail.Mailbox;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.portability.ImportedHistory;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends one notification to the members who want it, each in their language, with a link to the
 * page it concerns. Once only: the letter's key is what caused it (an event's identifier) plus the
 * template and the recipient, so an event handled again mails nobody twice.
 */
@Component
class Notices {

    private final Mailbox mailbox;
    private final Recipients recipients;
    private final CooperativeAccess access;
    private final ImportedHistory imported;

    Notices(Mailbox mailbox, Recipients recipients, CooperativeAccess access, ImportedHistory imported) {
        this.mailbox = mailbox;
        this.recipients = recipients;
        this.access = access;
        this.imported = imported;
    }

    /** Whether notifications go out at all: without mail, handlers need not even look up recipients. */
    boolean on() {
        return mailbox.isOn();
    }

    /**
     * @param cause what caused it, unique per notification (an event's identifier, plus a project's id
     *              when one event concerns several)
     * @param page  the page within the cooperative, such as {@code /books}
     * @param model what the template shows besides the recipient's name, the cooperative's name and the link
     */
    void send(NotificationKind kind, String template, String cause, CooperativeId cooperativeId,
              Collection<MemberId> members, String page, Map<String, Object> model) {
        // an imported cooperative's history happened elsewhere, and was mailed about there
        if (!on() || members.isEmpty() || imported.handlingImported(cooperativeId)) {
            return;
        }
        String cooperative = access.cooperative(cooperativeId).name();
        String link = mailbox.baseUrl() + "/cooperatives/" + cooperativeId.value() + page;
        for (Recipients.Recipient recipient : recipients.wanting(kind, members)) {
            Map<String, Object> letter = new HashMap<>(model);
            letter.put("name", recipient.name());
            letter.put("cooperative", cooperative);
            letter.put("link", link);
            mailbox.send(new Letter(template + ":" + cause + ":" + recipient.memberId().value(), recipient.email(),
                    recipient.locale(), template, letter));
        }
    }
}
