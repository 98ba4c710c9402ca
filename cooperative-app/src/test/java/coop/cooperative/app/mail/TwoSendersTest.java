package coop.cooperative.app.mail;

import coop.cooperative.app.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes on one database: two more senders (as two other nodes would run) race the app's
 * own sender over the same outbox, and each letter still goes out exactly once.
 */
class TwoSendersTest extends MailJourney {

    @Autowired
    Mailbox mailbox;
    @Autowired
    MailOutbox outbox;

    @Test
    void sendersRacingOverOneOutboxSendEachLetterOnce() {
        List<String> recipients = IntStream.range(0, 40).mapToObj(i -> "race-" + i + "-" + UUID.randomUUID() + "@example.org").toList();
        RecordingMailSender first = new RecordingMailSender();
        RecordingMailSender second = new RecordingMailSender();
        OutboxSender nodeA = sender(first);
        OutboxSender nodeB = sender(second);

        recipients.forEach(to -> mailbox.send(new Letter("race:" + to, to, Locale.ENGLISH, "continuity-at-risk",
                Map.of("name", "Ada", "cooperative", "De Gilde", "project", "Portaal", "link", BASE_URL))));
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> drain(nodeA)), CompletableFuture.runAsync(() -> drain(nodeB))).join();
        awaitAllMailSent();

        for (String to : recipients) {
            long sent = first.countTo(to) + second.countTo(to) + mailsTo(to).size();
            assertThat(sent).as("letters sent to " + to).isEqualTo(1);
        }
        assertThat(first.sent.size() + second.sent.size()).as("the racing senders did send some").isPositive();
    }

    private OutboxSender sender(RecordingMailSender mail) {
        return new OutboxSender(outbox, mail, TestClock.clock(), new SimpleMeterRegistry(), "race@localhost",
                Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(5), 5);
    }

    private static void drain(OutboxSender sender) {
        for (int i = 0; i < 20; i++) {
            sender.sendDue();
        }
    }

    /** Records instead of sending, slowly enough that the senders overlap. */
    static final class RecordingMailSender extends JavaMailSenderImpl {

        final List<MimeMessage> sent = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void doSend(MimeMessage[] messages, Object[] originals) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.addAll(List.of(messages));
        }

        long countTo(String email) {
            synchronized (sent) {
                return sent.stream().filter(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(email);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).count();
            }
        }
    }
}
