package coop.cooperative.app.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * The mailbox: renders a letter and queues it in the outbox, in the caller's transaction (a change
 * rolled back queues nothing); {@link OutboxSender} sends it after the commit. Mail is on when Spring
 * Boot made a {@link JavaMailSender}, which it does when {@code spring.mail.host} is set.
 */
@Service
class OutboxMailbox implements Mailbox {

    private final boolean on;
    private final String baseUrl;
    private final LetterRenderer renderer;
    private final MailOutbox outbox;
    private final Clock clock;

    OutboxMailbox(ObjectProvider<JavaMailSender> sender, @Value("${cooperative.base-url:http://localhost:8080}") String baseUrl,
                  LetterRenderer renderer, MailOutbox outbox, Clock clock) {
        this.on = sender.getIfAvailable() != null;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.renderer = renderer;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public boolean isOn() {
        return on;
    }

    /** Joins the caller's transaction, or makes one of its own when called outside any. */
    @Override
    @Transactional
    public void send(Letter letter) {
        if (!on) {
            return;
        }
        outbox.add(letter, renderer.render(letter, baseUrl), clock.instant());
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }
}
