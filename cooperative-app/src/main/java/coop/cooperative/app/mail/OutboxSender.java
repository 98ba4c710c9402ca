package coop.cooperative.app.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends what the outbox holds, after the transactions that queued it committed: every poll it
 * claims the letters that are due, one conditional UPDATE each, so that of several nodes on one
 * database only one sends a letter. A letter that fails waits longer each time (doubling from
 * {@code cooperative.mail.retry-backoff}, at most {@code cooperative.mail.retry-backoff-max}) and is
 * tried again until it goes; after {@code cooperative.mail.warn-after-attempts} failures each
 * further failure is logged as a warning (recipient and template only: never the body, which may
 * hold a link with a token).
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;
    private static final int ERROR_LENGTH = 1000;
    private static final String UTF_8 = "UTF-8";

    private final MailOutbox outbox;
    private final JavaMailSender mail;
    private final Clock clock;
    private final String from;
    private final Duration backoff;
    private final Duration maximumBackoff;
    private final Duration claimFor;
    private final int warnAfter;
    private final Counter sent;
    private final Counter failures;
    // Unique per sender, so a node's claims are told apart from another's (and from its own earlier life).
    private final String node = UUID.randomUUID().toString();

    OutboxSender(MailOutbox outbox, JavaMailSender mail, Clock clock, MeterRegistry meters,
               @Value("${cooperative.mail.from:cooperative@localhost}") String from,
               @Value("${cooperative.mail.retry-backoff:PT5S}") Duration backoff,
               @Value("${cooperative.mail.retry-backoff-max:PT1H}") Duration maximumBackoff,
               @Value("${cooperative.mail.claim-timeout:PT5M}") Duration claimFor,
               @Value("${cooperative.mail.warn-after-attempts:5}") int warnAfter) {
        this.outbox = outbox;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.backoff = backoff;
        this.maximumBackoff = maximumBackoff;
        this.claimFor = claimFor;
        this.warnAfter = warnAfter;
        this.sent = Counter.builder("cooperative.mail.sent").description("Mails sent").register(meters);
        this.failures = Counter.builder("cooperative.mail.failed.attempts")
                .description("Attempts to send a mail that failed (it is tried again later)").register(meters);
        Gauge.builder("cooperative.mail.waiting", outbox, MailOutbox::countWaiting)
                .description("Mails queued and not sent yet").register(meters);
    }

    @Scheduled(fixedDelayString = "${cooperative.mail.poll-interval:PT5S}")
    void sendDue() {
        Instant now = clock.instant();
        for (long id : outbox.due(now, BATCH)) {
            if (outbox.claim(id, node, now, now.plus(claimFor))) {
                send(outbox.load(id));
            }
        }
    }

    private void send(MailOutbox.Queued letter) {
        try {
            mail.send(message(letter));
            outbox.sent(letter.id(), node, clock.instant());
            sent.increment();
        } catch (MailException | MessagingException e) {
            int attempts = letter.attempts() + 1;
            outbox.failed(letter.id(), node, shortened(e), clock.instant().plus(delayAfter(attempts)));
            failures.increment();
            if (attempts >= warnAfter) {
                log.warn("mail {} ({}) to {} failed {} times, tried again later: {}", letter.id(), letter.template(),
                        letter.to(), attempts, shortened(e));
            }
        }
    }

    /** Plain text and HTML as multipart/alternative: the reader's mail program shows the one it can. */
    private MimeMessage message(MailOutbox.Queued letter) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, UTF_8);
        helper.setFrom(from);
        helper.setTo(letter.to());
        helper.setSubject(letter.subject());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(letter.text(), UTF_8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(letter.html(), UTF_8, "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        return message;
    }

    /** Doubling from the base with each failure, capped. */
    Duration delayAfter(int attempts) {
        Duration delay = backoff.multipliedBy(1L << Math.min(attempts - 1, 30));
        return delay.compareTo(maximumBackoff) > 0 || delay.isNegative() ? maximumBackoff : delay;
    }

    private static String shortened(Exception e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > ERROR_LENGTH ? message.substring(0, ERROR_LENGTH) : message;
    }
}
