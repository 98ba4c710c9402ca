package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodJourneyTest extends HttpJourney {

    private final String lastMonth = TestClock.thisMonth().minusMonths(1).toString();
    private final String thisMonth = TestClock.thisMonth().toString();

    private String periods() {
        return "/api/cooperatives/" + cooperative + "/periods";
    }

    @Test
    void aTreasurerClosesAMonthThatHasEndedAndAnAdminReopensItWithAReason() {
        Response closed = api.asAdmin(HttpMethod.POST, periods() + "/" + lastMonth + "/close", null);
        Response early = api.asAdmin(HttpMethod.POST, periods() + "/" + thisMonth + "/close", null);
        Response noReason = api.asAdmin(HttpMethod.POST, periods() + "/" + lastMonth + "/reopen", "{\"reason\": \"\"}");
        Response reopened = api.asAdmin(HttpMethod.POST, periods() + "/" + lastMonth + "/reopen",
                "{\"reason\": \"the accountant's invoice came late\"}");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().get("periods").toString()).isEqualTo("[\"" + lastMonth + "\"]");
        assertThat(early.status()).isEqualTo(422);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().at("/errors/0/field").asText()).isEqualTo("reason");
        assertThat(reopened.body().get("periods").size()).isZero();
    }

    @Test
    void aMemberMayReadButNotCloseAndAMonthMustBeAMonth() {
        joinWithLogin("Hanna Post", "hanna@gilde.example", "hanna-secret-password");

        Response refused = api.post(periods() + "/" + lastMonth + "/close", null, "hanna@gilde.example",
                "hanna-secret-password");
        Response read = api.get(periods(), "hanna@gilde.example", "hanna-secret-password");
        Response nonsense = api.asAdmin(HttpMethod.POST, periods() + "/2026-13/close", null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(read.status()).isEqualTo(200);
        assertThat(nonsense.status()).isEqualTo(400);
        assertThat(nonsense.body().at("/errors/0/field").asText()).isEqualTo("period");
    }
}
