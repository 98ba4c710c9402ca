package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without mail the admin gets the invitation link, which proves nothing about the email: the
 * account it makes is bound to that cooperative, and no other cooperative's invitation finds it.
 */
class AccountsWithoutMailJourneyTest extends HttpJourney {

    private static final String PASSWORD = "lantern quietly orbit mango";
    private static final String OTHER_PASSWORD = "velvet harbour copper thistle";

    @Test
    void anAccountMadeFromAnAttackersLinkStaysInTheAttackersCooperative() {
        String attacker = "mallory.nomail@attack.example";
        String newhire = "newhire.nomail@example.org";
        joinWithLogin("Mallory", attacker, PASSWORD);
        String theirs = api.post("/api/cooperatives", "{\"name\": \"Aanval BV\", \"currency\": \"EUR\"}", attacker, PASSWORD)
                .text("cooperativeId");
        Response planted = api.post("/api/cooperatives/" + theirs + "/members", member("Nieuw", newhire), attacker, PASSWORD);
        assertThat(planted.body().get("invitationMailed").asBoolean()).isFalse();
        assertThat(accept(planted.text("invitationToken"), PASSWORD).status()).isEqualTo(201);

        Response joined = join("Nieuwe Collega", newhire, "85.00");
        Response sameAsTheirs = accept(joined.text("invitationToken"), PASSWORD);
        Response accepted = accept(joined.text("invitationToken"), OTHER_PASSWORD);

        assertThat(sameAsTheirs.status()).as("two logins of one email never share a password").isEqualTo(400);
        assertThat(sameAsTheirs.body().toString()).contains("password");
        assertThat(accepted.status()).as("no 409 that says the email has an account").isEqualTo(201);
        String members = "/api/cooperatives/" + cooperative + "/members";
        assertThat(api.get(members, newhire, OTHER_PASSWORD).status()).isEqualTo(200);
        assertThat(api.get(members, newhire, PASSWORD).status()).as("the attacker's login of that email").isEqualTo(403);
        assertThat(api.get("/api/cooperatives/" + theirs + "/members", newhire, PASSWORD).status()).isEqualTo(200);
        assertThat(api.get("/api/cooperatives/" + theirs + "/members", newhire, OTHER_PASSWORD).status()).isEqualTo(403);
    }

    @Test
    void aLoginOfTheEmailAcceptsAnotherCooperativesLinkOnlyBySigningIn() {
        String email = "petra.twocoops@example.org";
        joinWithLogin("Petra", email, PASSWORD);
        String second = api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"Tweede\", \"currency\": \"EUR\"}")
                .text("cooperativeId");
        Response joined = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + second + "/members", member("Petra", email));

        assertThat(api.get("/api/cooperatives/" + second + "/members", email, PASSWORD).status()).isEqualTo(403);
        assertThat(api.post("/api/invitations/" + joined.text("invitationToken"), null, email, PASSWORD).status())
                .as("a bound login is not joined by another cooperative's invitation").isEqualTo(400);
    }

    @Test
    void theAdminPageListsAnOpenInvitationUntilItIsAcceptedAndNeverWhetherTheEmailHasALogin() {
        String email = "olga.open@example.org";
        Response joined = join("Olga Open", email, "80.00");
        assertThat(joined.body().at("/member/invitationAccepted").asBoolean()).isFalse();

        assertThat(accept(joined.text("invitationToken"), PASSWORD).status()).isEqualTo(201);

        Response member = api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/members/"
                + joined.text("memberId"), null);
        assertThat(member.body().get("invitationAccepted").asBoolean()).isTrue();
        assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/"
                + joined.text("memberId") + "/invitation", null).status()).isEqualTo(409);
    }

    private Response accept(String token, String password) {
        return api.post("/api/invitations/" + token, "{\"password\": \"" + password + "\"}", null, null);
    }

    private static String member(String name, String email) {
        return """
                {"name": "%s", "email": "%s", "skills": ["ux"], "hourlyRate": "80.00", "joinedOn": "2026-02-01"}
                """.formatted(name, email);
    }
}
