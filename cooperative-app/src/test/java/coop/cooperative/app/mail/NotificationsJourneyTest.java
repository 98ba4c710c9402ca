package coop.cooperative.app.mail;

import coop.cooperative.app.Api.Response;
import coop.cooperative.app.TestClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each notification goes once to the people it concerns, in their language (one of them reads
 * Dutch), and not to someone who turned it off.
 */
class NotificationsJourneyTest extends MailJourney {

    private static final String PASSWORD = "notification-secret-password";
    private final LocalDate today = TestClock.today();

    record Person(String memberId, String email, String name) {
    }

    @Test
    void aCostWaitsForTheTreasurersWhoMayApproveItAndItsSubmitterHearsTheDecision() {
        Person tessa = member("Tessa Dijk", "TREASURER", "{\"language\": \"nl\"}");
        Person otto = member("Otto Vos", "TREASURER", "{\"notifications\": {\"costWaiting\": false}}");
        Person sem = member("Sem de Boer", null, null);

        String approved = shareCost(sem, "Printer paper", "12.50");
        String rejected = shareCost(sem, "Office chair", "250.00");
        assertThat(api.post(path("/costs/" + approved + "/approve"), null, tessa.email(), PASSWORD).status()).isEqualTo(200);
        assertThat(api.post(path("/costs/" + rejected + "/reject"), "{\"reason\": \"we have chairs enough\"}",
                tessa.email(), PASSWORD).status()).isEqualTo(200);
        awaitAllMailSent();

        List<MimeMessage> toTessa = mailsTo(tessa.email());
        assertThat(toTessa).hasSize(2).allSatisfy(mail ->
                assertThat(subject(mail)).isEqualTo("Een kostenpost wacht op je goedkeuring"));
        assertThat(text(toTessa.get(0))).contains("Hallo Tessa Dijk,", "Sem de Boer heeft in De Gilde een kostenpost gedeeld: Printer paper",
                BASE_URL + "/cooperatives/" + cooperative + "/books");
        assertThat(mailsTo(otto.email())).as("turned off").isEmpty();
        List<MimeMessage> toSem = mailsTo(sem.email());
        assertThat(toSem).extracting(MailJourney::subject)
                .containsExactlyInAnyOrder("Your cost was approved", "Your cost was rejected");
        assertThat(toSem).extracting(MailJourney::text).anySatisfy(text -> assertThat(text)
                .contains("Office chair", "was rejected: we have chairs enough", BASE_URL + "/cooperatives/" + cooperative + "/me"));
    }

    @Test
    void theTreasurersHearOfAClaimWithoutItsReason() {
        Person tessa = member("Tessa Claim", "TREASURER", "{\"language\": \"nl\"}");
        Person otto = member("Otto Claim", "TREASURER", "{\"notifications\": {\"claimFiled\": false}}");
        Person hanna = member("Hanna Ziek", null, null);
        assertThat(enrol(hanna.memberId(), "33.75").status()).isEqualTo(201);
        String reason = "hernia, surgery " + UUID.randomUUID();

        Response filed = api.asAdmin(HttpMethod.POST, pool() + "/claims", """
                {"memberId": "%s", "startDate": "%s", "reason": "%s"}""".formatted(hanna.memberId(), today, reason));
        assertThat(filed.status()).isEqualTo(201);
        awaitAllMailSent();

        MimeMessage mail = awaitMailTo(tessa.email());
        assertThat(mailsTo(tessa.email())).hasSize(1);
        assertThat(subject(mail)).isEqualTo("Er is een claim ingediend bij het broodfonds");
        assertThat(text(mail)).contains("Hanna Ziek heeft een claim ingediend bij het broodfonds van De Gilde",
                BASE_URL + "/cooperatives/" + cooperative + "/risk-pool");
        assertThat(text(mail) + html(mail)).doesNotContain(reason).doesNotContain("hernia");
        assertThat(mailsTo(otto.email())).as("turned off").isEmpty();
        assertThat(mailsTo(hanna.email())).as("the claimant is no treasurer").isEmpty();
    }

    @Test
    void theClaimantHearsOfEachPayoutOnce() {
        Person claimant = member("Clara Uitkering", null, "{\"language\": \"nl\"}");
        Person silent = member("Stan Uitkering", null, "{\"notifications\": {\"payoutMade\": false}}");
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            others.add(join("Lid " + i, "lid" + i + "-" + UUID.randomUUID() + "@example.org", "80.00").text("memberId"));
        }
        YearMonth thisMonth = YearMonth.from(today);
        others.forEach(m -> {
            assertThat(enrol(m, "112.50").status()).isEqualTo(201);
            assertThat(deposit(m, thisMonth).status()).isEqualTo(201);
        });
        String claim = fileApprovedClaim(claimant, thisMonth);
        String silentClaim = fileApprovedClaim(silent, thisMonth);

        Response run = api.asAdmin(HttpMethod.POST, pool() + "/payouts", null);
        assertThat(run.status()).isEqualTo(200);
        assertThat(api.asAdmin(HttpMethod.GET, pool() + "/claims/" + claim, null).text("monthsPaid")).isEqualTo("2");
        assertThat(api.asAdmin(HttpMethod.GET, pool() + "/claims/" + silentClaim, null).text("monthsPaid")).isEqualTo("2");
        awaitAllMailSent();

        List<MimeMessage> payouts = mailsTo(claimant.email());
        assertThat(payouts).hasSize(2).allSatisfy(mail ->
                assertThat(subject(mail)).isEqualTo("Het broodfonds heeft je een uitkering gedaan"));
        String totalPaid = api.asAdmin(HttpMethod.GET, pool() + "/claims/" + claim, null).text("totalPaid");
        assertThat(payouts.stream().map(MailJourney::text).map(NotificationsJourneyTest::amountPaid)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the mails together tell what the claim was paid").isEqualByComparingTo(totalPaid);
        assertThat(mailsTo(silent.email())).as("turned off").isEmpty();
    }

    @Test
    void theAdminsHearOnceWhenAProjectsContinuityFallsFromCoveredToAtRisk() {
        Person ada = member("Ada Beheer", "ADMIN", "{\"language\": \"nl\"}");
        Person bo = member("Bo Beheer", "ADMIN", "{\"notifications\": {\"continuityAtRisk\": false}}");
        Person anna = member("Anna Kern", null, null);
        Person daan = member("Daan Reserve", null, null);
        Response registered = api.asAdmin(HttpMethod.POST, path("/projects"), """
                {"name": "Klantportaal", "client": "Gemeente Utrecht", "start": "%s", "end": "%s",
                 "requiredSkills": [{"skill": "java", "hoursPerWeek": 32}]}""".formatted(today.minusDays(60), today.plusDays(120)));
        String project = registered.text("projectId");
        assertThat(assign(project, anna, "CORE").status()).isEqualTo(201);
        assertThat(assign(project, daan, "BACKUP").status()).isEqualTo(201);
        awaitAllMailSent();
        assertThat(mailsTo(ada.email())).as("being staffed is no fall").isEmpty();

        assertThat(api.asAdmin(HttpMethod.POST, path("/members/" + anna.memberId() + "/leave"),
                "{\"date\": \"" + today + "\"}").status()).isEqualTo(200);
        MimeMessage mail = awaitMailTo(ada.email());
        awaitAllMailSent();

        assertThat(mailsTo(ada.email())).as("once, though leaving also ended the assignment").hasSize(1);
        assertThat(subject(mail)).isEqualTo("De continuïteit van een project loopt gevaar");
        assertThat(text(mail)).contains("De continuïteit van project Klantportaal in De Gilde loopt gevaar",
                BASE_URL + "/cooperatives/" + cooperative + "/projects/" + project);
        assertThat(mailsTo(bo.email())).as("turned off").isEmpty();
    }

    /** The notifications to this address: the invitation each member accepted is not one. */
    @Override
    protected List<MimeMessage> mailsTo(String email) {
        return super.mailsTo(email).stream().filter(mail -> !text(mail).contains(BASE_URL + "/invitations/")).toList();
    }

    /** The amount a Dutch payout mail says was paid ("heeft je € 1.234,56 uitgekeerd"). */
    private static BigDecimal amountPaid(String text) {
        Matcher paid = Pattern.compile("heeft je €\\h*([0-9.]+,[0-9]{2}) uitgekeerd over").matcher(text);
        assertThat(paid.find()).as("an amount paid in %s", text).isTrue();
        return new BigDecimal(paid.group(1).replace(".", "").replace(',', '.'));
    }

    /** A member with a login, holding this role (or only MEMBER), with these settings (or none). */
    private Person member(String name, String role, String settings) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.org";
        Response joined = join(name, email, "80.00");
        acceptMailed(joined, email, PASSWORD);
        String memberId = joined.text("memberId");
        if (role != null) {
            assertThat(api.asAdmin(HttpMethod.POST, path("/members/" + memberId + "/roles"),
                    "{\"role\": \"" + role + "\"}").status()).isEqualTo(200);
        }
        if (settings != null) {
            assertThat(api.exchange(HttpMethod.PUT, "/api/me/settings", settings, email, PASSWORD, new HttpHeaders())
                    .status()).isEqualTo(200);
        }
        return new Person(memberId, email, name);
    }

    private String shareCost(Person by, String description, String amount) {
        Response shared = api.post(path("/costs"), """
                {"description": "%s", "amount": "%s", "date": "%s", "category": "office", "paidBy": "%s",
                 "split": {"method": "EQUAL", "participants": ["%s"]}}"""
                .formatted(description, amount, today, by.memberId(), by.memberId()), by.email(), PASSWORD);
        assertThat(shared.status()).isEqualTo(201);
        return shared.text("costId");
    }

    private String fileApprovedClaim(Person claimant, YearMonth thisMonth) {
        assertThat(enrol(claimant.memberId(), "33.75").status()).isEqualTo(201);
        assertThat(deposit(claimant.memberId(), thisMonth).status()).isEqualTo(201);
        Response filed = api.asAdmin(HttpMethod.POST, pool() + "/claims", """
                {"memberId": "%s", "startDate": "%s", "reason": "a broken leg", "lateFilingReason": "in hospital until now"}"""
                .formatted(claimant.memberId(), thisMonth.minusMonths(3).atDay(10)));
        assertThat(filed.status()).isEqualTo(201);
        String claim = filed.text("claimId");
        assertThat(api.asAdmin(HttpMethod.POST, pool() + "/claims/" + claim + "/approve", null).text("status"))
                .isEqualTo("APPROVED");
        return claim;
    }

    private Response assign(String project, Person member, String role) {
        return api.asAdmin(HttpMethod.POST, path("/projects/" + project + "/assignments"), """
                {"memberId": "%s", "role": "%s", "skill": "java", "hoursPerWeek": 16, "from": "%s", "to": "%s"}
                """.formatted(member.memberId(), role, today.minusDays(30), today.plusDays(90)));
    }

    private Response enrol(String memberId, String contribution) {
        return api.asAdmin(HttpMethod.POST, pool() + "/enrolments", """
                {"memberId": "%s", "monthlyContribution": "%s", "enrolledOn": "%s"}"""
                .formatted(memberId, contribution, today.minusMonths(4)));
    }

    private Response deposit(String memberId, YearMonth month) {
        return api.asAdmin(HttpMethod.POST, pool() + "/contributions", """
                {"memberId": "%s", "month": "%s"}""".formatted(memberId, month));
    }

    private String pool() {
        return path("/risk-pool");
    }

    private String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }
}
