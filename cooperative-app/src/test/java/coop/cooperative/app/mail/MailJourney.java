package coop.cooperative.app.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import coop.cooperative.app.Api.Response;
import coop.cooperative.app.HttpJourney;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A journey with mail on: the app sends to a GreenMail SMTP server of this JVM, on a free port,
 * with links starting with {@link #BASE_URL}. Its own Spring context and database (the journeys
 * without mail keep theirs); every journey with mail shares them, so each uses emails of its own.
 * The sender polls often and retries at once, so a test sees mail within a second.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:mail-journeys;DB_CLOSE_DELAY=-1",
        "spring.mail.host=127.0.0.1",
        "cooperative.base-url=" + MailJourney.BASE_URL,
        "cooperative.mail.poll-interval=PT0.1S",
        // the test clock stands still: a retry must be due at once, or it never would be
        "cooperative.mail.retry-backoff=PT0S",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=2000"})
public abstract class MailJourney extends HttpJourney {

    protected static final String BASE_URL = "http://cooperative.test";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    /** A test that stopped the server and failed before starting it again leaves it running for the next. */
    @BeforeEach
    void smtpRunning() {
        startSmtp();
    }

    /** The mails received so far for this address, oldest first. */
    protected List<MimeMessage> mailsTo(String email) {
        return received(email);
    }

    private static List<MimeMessage> received(String email) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> isTo(m, email)).toList();
    }

    /** Waits for the first mail to this address, and returns it. */
    protected MimeMessage awaitMailTo(String email) {
        return await().atMost(WAIT).until(() -> mailsTo(email), mails -> !mails.isEmpty()).get(0);
    }

    /** Waits until the outbox holds nothing unsent (then whatever was queued has arrived, or failed for good). */
    protected void awaitAllMailSent() {
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")
                .query(Long.class).single() == 0);
    }

    /** The plain-text part of a mail. */
    protected static String text(MimeMessage mail) {
        return part(mail, "text/plain");
    }

    /** The HTML part of a mail. */
    protected static String html(MimeMessage mail) {
        return part(mail, "text/html");
    }

    protected static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SMTP server goes away: mails wait in the outbox until {@link #startSmtp()}. */
    protected void stopSmtp() {
        SMTP.stop();
    }

    /** Starts the SMTP server again, on the same port, keeping what it received. */
    protected void startSmtp() {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
    }

    private static boolean isTo(MimeMessage mail, String email) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(email));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(MimeMessage mail, String type) {
        try {
            Multipart parts = (Multipart) mail.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("No " + type + " part in " + mail.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts the invitation mailed to this address after this join, with this password. */
    protected void acceptMailed(Response joined, String email, String password) {
        assertThat(joined.status()).isEqualTo(201);
        String token = token(awaitMailAbout(email, "invitations"), "invitations");
        assertThat(api.post("/api/invitations/" + token, password(password), null, null).status()).isEqualTo(201);
    }

    /** The newest mail to this address whose text holds this, waiting for it. */
    protected MimeMessage awaitMailAbout(String email, String about) {
        List<MimeMessage> mails = await().atMost(WAIT)
                .until(() -> received(email).stream().filter(m -> text(m).contains(about)).toList(), m -> !m.isEmpty());
        return mails.get(mails.size() - 1);
    }

    protected static String token(MimeMessage mail, String path) {
        Matcher link = Pattern.compile(Pattern.quote(BASE_URL + "/" + path + "/") + "([A-Za-z0-9_-]+)").matcher(text(mail));
        assertThat(link.find()).as("a link to /%s/ in %s", path, text(mail)).isTrue();
        return link.group(1);
    }

    protected static String password(String password) {
        return "{\"password\": \"" + password + "\"}";
    }
}
