package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords is throttled with the limits the app ships with: five wrong passwords for an
 * account, or thirty from one address, and the next try waits (429, Retry-After), even with the
 * right password, over HTTP Basic and the login form alike. Its own context: the journeys all sign in
 * from 127.0.0.1 and lift the address limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:throttle;DB_CLOSE_DELAY=-1",
        "cooperative.admin.password=" + Api.ADMIN_PASSWORD})
@Import(TestClock.class)
class SignInThrottleTest {

    @Autowired
    TestRestTemplate http;

    private Response me(String user, String password, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", address);
        return new Api(http).exchange(HttpMethod.GET, "/api/me", null, user, password, headers);
    }

    @Test
    void aGuessedAccountWaitsAfterFiveWrongPasswordsEvenWithTheRightOne() {
        Api api = new Api(http);
        String member = "throttled@gilde.example";
        String cooperative = api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"Kring\"}").text("cooperativeId");
        String token = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members", """
                {"name": "Gok Doelwit", "email": "%s", "skills": [], "hourlyRate": "80.00"}""".formatted(member))
                .text("invitationToken");
        String password = "saffron tunnel widely ember";
        assertThat(api.post("/api/invitations/" + token, "{\"password\": \"" + password + "\"}", null, null).status())
                .isEqualTo(201);

        for (int guess = 1; guess <= 5; guess++) {
            assertThat(me(member, "wrong guess number " + guess, "198.51.100.1").status()).isEqualTo(401);
        }
        Response throttled = me(member, password, "198.51.100.2");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers().getContentType().toString()).contains("problem+json");
        assertThat(Long.parseLong(throttled.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);

        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> byForm = http.exchange("/login", HttpMethod.POST,
                new HttpEntity<>("username=" + member + "&password=" + password, form), String.class);
        assertThat(byForm.getStatusCode().value()).isEqualTo(429);

        assertThat(me(Api.ADMIN, Api.ADMIN_PASSWORD, "198.51.100.1").status())
                .as("another account from the guesser's address").isEqualTo(200);
    }

    @Test
    void anAddressWaitsAfterThirtyWrongPasswordsForAnyAccounts() {
        for (int guess = 1; guess <= 30; guess++) {
            assertThat(me("nobody" + guess + "@gilde.example", "wrong password", "203.0.113.7").status()).isEqualTo(401);
        }
        assertThat(me(Api.ADMIN, Api.ADMIN_PASSWORD, "203.0.113.7").status()).isEqualTo(429);
        assertThat(me(Api.ADMIN, Api.ADMIN_PASSWORD, "203.0.113.8").status()).isEqualTo(200);
    }
}
