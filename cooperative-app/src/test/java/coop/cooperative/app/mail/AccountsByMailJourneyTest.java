package coop.cooperative.app.mail;

import coop.cooperative.app.Api;
import coop.cooperative.app.Api.Response;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only whoever reads an email's mailbox controls its account: invitations and password resets go
 * by mail, and no answer tells whether an email has an account.
 */
class AccountsByMailJourneyTest extends MailJourney {

    private static final String PASSWORD = "lantern quietly orbit mango";
    private static final String OTHER_PASSWORD = "velvet harbour copper thistle";

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theRealInviteeGetsTheMailAndTheirAccessWhileTheAttackerNeverHoldsTheirAccount() {
        String attacker = "mallory.prehijack@attack.example";
        String newhire = "newhire.prehijack@example.org";
        // The attacker has a login of their own, made elsewhere; any signed-in user may found a
        // cooperative, and add whatever email to it.
        String elsewhere = api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"Elders\", \"currency\": \"EUR\"}")
                .text("cooperativeId");
        acceptMailed(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + elsewhere + "/members", member("Mallory", attacker)),
                attacker, PASSWORD);
        String theirs = api.post("/api/cooperatives", "{\"name\": \"Aanval BV\", \"currency\": \"EUR\"}", attacker, PASSWORD)
                .text("cooperativeId");
        Response planted = api.post("/api/cooperatives/" + theirs + "/members", member("Nieuw", newhire), attacker, PASSWORD);

        assertThat(planted.status()).isEqualTo(201);
        assertThat(planted.body().get("invitationToken").isNull()).isTrue();
        assertThat(planted.body().get("invitationMailed").asBoolean()).isTrue();

        Response joined = join("Nieuwe Collega", newhire, "85.00");
        assertThat(joined.body().get("invitationToken").isNull()).isTrue();
        MimeMessage real = awaitMailAbout(newhire, "De Gilde");
        assertThat(text(real)).contains("choose the password").contains(BASE_URL + "/invitations/");
        assertThat(html(real)).contains(BASE_URL + "/invitations/");
        assertThat(api.post("/api/invitations/" + token(real, "invitations"), password(OTHER_PASSWORD), null, null)
                .status()).isEqualTo(201);

        String members = "/api/cooperatives/" + cooperative + "/members";
        assertThat(api.get(members, newhire, OTHER_PASSWORD).status()).isEqualTo(200);
        assertThat(api.get(members, attacker, PASSWORD).status()).isEqualTo(403);
        assertThat(api.get(members, newhire, PASSWORD).status()).isEqualTo(401);
        assertThat(api.get("/api/cooperatives/" + theirs + "/members", newhire, OTHER_PASSWORD).status())
                .as("the planted membership is not theirs until they accept it").isEqualTo(403);
    }

    @Test
    void anInvitationToAnEmailWithALoginAsksThatLoginToAcceptByMailAndAnswersAsForAnyEmail() {
        String existing = "els.existing@example.org";
        acceptMailed(join("Els", existing, "80.00"), existing, PASSWORD);
        String second = api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"Tweede Gilde\", \"currency\": \"EUR\"}")
                .text("cooperativeId");

        Response toLogin = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + second + "/members", member("Els", existing));
        Response toNobody = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + second + "/members",
                member("Niemand", "nobody.existing@example.org"));

        assertThat(toLogin.status()).isEqualTo(toNobody.status()).isEqualTo(201);
        assertThat(fieldNames(toLogin)).isEqualTo(fieldNames(toNobody));
        assertThat(toLogin.body().get("invitationToken").isNull()).isTrue();
        MimeMessage invitation = awaitMailAbout(existing, "Tweede Gilde");
        assertThat(text(invitation)).contains("You already have a login");
        String secondMembers = "/api/cooperatives/" + second + "/members";
        assertThat(api.get(secondMembers, existing, PASSWORD).status()).isEqualTo(403);

        String token = token(invitation, "invitations");
        assertThat(api.post("/api/invitations/" + token, password(OTHER_PASSWORD), null, null).body().toString())
                .contains("password");
        assertThat(api.post("/api/invitations/" + token, null, null, null).status()).isEqualTo(201);
        assertThat(api.get(secondMembers, existing, PASSWORD).status()).isEqualTo(200);
        assertThat(api.get("/api/cooperatives/" + cooperative + "/members", existing, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aMemberResetsTheirPasswordByMailOnceAndAnUnknownEmailGetsTheSameAnswerAndNoMail() {
        String member = "ruth.reset@example.org";
        acceptMailed(join("Ruth", member, "80.00"), member, PASSWORD);

        Response asked = api.post("/api/password-resets", "{\"email\": \"" + member + "\"}", null, null);
        Response unknown = api.post("/api/password-resets", "{\"email\": \"nobody.reset@example.org\"}", null, null);

        assertThat(asked.status()).isEqualTo(unknown.status()).isEqualTo(202);
        MimeMessage mail = awaitMailAbout(member, "password-resets");
        String token = token(mail, "password-resets");
        assertThat(api.post("/api/password-resets/" + token, password("short"), null, null).status()).isEqualTo(400);
        assertThat(api.post("/api/password-resets/" + token, password(OTHER_PASSWORD), null, null).status()).isEqualTo(204);
        assertThat(api.post("/api/password-resets/" + token, password(PASSWORD), null, null).status()).isEqualTo(409);
        assertThat(api.get("/api/me", member, PASSWORD).status()).isEqualTo(401);
        assertThat(api.get("/api/me", member, OTHER_PASSWORD).status()).isEqualTo(200);
        awaitAllMailSent();
        assertThat(mailsTo("nobody.reset@example.org")).isEmpty();
    }

    @Test
    void theInstallationsAdministratorResetsTheirPasswordByMailToo() {
        try {
            assertThat(api.post("/api/password-resets", "{\"email\": \"" + Api.ADMIN + "\"}", null, null).status())
                    .isEqualTo(202);
            String token = token(awaitMailAbout(Api.ADMIN, "password-resets"), "password-resets");
            assertThat(api.post("/api/password-resets/" + token, password(OTHER_PASSWORD), null, null).status())
                    .isEqualTo(204);

            assertThat(api.get("/api/admin/projections", Api.ADMIN, OTHER_PASSWORD).status()).isEqualTo(200);
            assertThat(api.get("/api/admin/projections", Api.ADMIN, Api.ADMIN_PASSWORD).status()).isEqualTo(401);
        } finally {
            jdbc.sql("UPDATE accounts SET password_hash = ? WHERE email = ?")
                    .params(passwords.encode(Api.ADMIN_PASSWORD), Api.ADMIN).update();
        }
    }

    private static String member(String name, String email) {
        return """
                {"name": "%s", "email": "%s", "skills": ["ux"], "hourlyRate": "80.00", "joinedOn": "2026-02-01"}
                """.formatted(name, email);
    }

    private static List<String> fieldNames(Response response) {
        List<String> names = new ArrayList<>();
        response.body().fieldNames().forEachRemaining(names::add);
        return names;
    }
}
