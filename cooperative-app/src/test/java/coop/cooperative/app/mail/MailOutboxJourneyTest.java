package coop.cooperative.app.mail;

import coop.cooperative.app.Api.Response;
import coop.cooperative.core.shared.Money;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox: queued in the caller's transaction, once per key, sent after the commit, retried while SMTP is down. */
class MailOutboxJourneyTest extends MailJourney {

    @Autowired
    Mailbox mailbox;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aLetterGoesOutOnceAsPlainTextAndHtmlInTheRecipientsLanguage() {
        String to = unique("once");
        Letter letter = letter(to, Locale.forLanguageTag("nl"));

        mailbox.send(letter);
        mailbox.send(letter);

        MimeMessage mail = awaitMailTo(to);
        awaitAllMailSent();
        assertThat(mailsTo(to)).hasSize(1);
        assertThat(subject(mail)).isEqualTo("Je kostenpost is goedgekeurd");
        assertThat(text(mail)).contains("Hallo Fenna,", "Je kostenpost in De Gilde, Laptop (", "1.234,50), is goedgekeurd.",
                BASE_URL + "/cooperatives/x/me", BASE_URL + "/settings");
        assertThat(html(mail)).contains("<a href=\"" + BASE_URL + "/cooperatives/x/me\"", "lang=\"nl\"");
        assertThat(mailbox.baseUrl()).isEqualTo(BASE_URL);
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        String to = unique("rolled-back");

        transactions.executeWithoutResult(status -> {
            mailbox.send(letter(to, Locale.ENGLISH));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?").param(to).query(Long.class).single())
                .isZero();
    }

    @Test
    void whileTheSmtpServerIsDownMailWaitsVisiblyAndGoesOutOnceWhenItIsBack() {
        String to = unique("waiting");
        stopSmtp();
        try {
            mailbox.send(letter(to, Locale.ENGLISH));

            Response waiting = await().until(() -> api.asAdmin(HttpMethod.GET, "/api/admin/mail", null),
                    r -> r.status() == 200 && waitingFor(r, to) != null && waitingFor(r, to).path("attempts").asInt() >= 2);
            var row = waitingFor(waiting, to);
            assertThat(row.path("template").asText()).isEqualTo("cost-approved");
            assertThat(row.path("lastError").asText()).isNotBlank();
            assertThat(row.has("nextAttemptAt")).isTrue();
            assertThat(row.has("createdAt")).isTrue();
            assertThat(row.has("text")).isFalse();
            assertThat(api.get("/api/admin/mail", to, "whatever").status()).isEqualTo(401);
        } finally {
            startSmtp();
        }

        awaitMailTo(to);
        awaitAllMailSent();
        assertThat(mailsTo(to)).hasSize(1);
        assertThat(waitingFor(api.asAdmin(HttpMethod.GET, "/api/admin/mail", null), to)).isNull();
    }

    private static com.fasterxml.jackson.databind.JsonNode waitingFor(Response response, String to) {
        for (var row : response.body()) {
            if (row.path("to").asText().equals(to)) {
                return row;
            }
        }
        return null;
    }

    private static Letter letter(String to, Locale locale) {
        return new Letter("test:" + to, to, locale, "cost-approved", Map.of("name", "Fenna", "cooperative", "De Gilde",
                "description", "Laptop", "amount", Money.of("1234.50", Currency.getInstance("EUR")),
                "link", BASE_URL + "/cooperatives/x/me"));
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }
}
