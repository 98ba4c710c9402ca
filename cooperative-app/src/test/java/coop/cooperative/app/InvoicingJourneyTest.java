package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.Api.Response;
import coop.cooperative.app.invoicing.UblValidationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collective bills a project's client as one team: client rates, an invoice drafted from a
 * month of hours, approved by a second treasurer and numbered, paid in part, one line credited;
 * each member's balance moves by exactly their earnings less the fee, and the books stay strict.
 */
class InvoicingJourneyTest extends HttpJourney {

    private static final String PASSWORD = "tulip harbour violet engine";
    private static final YearMonth LAST_MONTH = BillableProject.LAST_MONTH;
    private static final LocalDate TODAY = TestClock.today();

    @TempDir
    Path dir;

    /** A password of each login's own: the app refuses one that another login already uses. */
    private static String password(String email) {
        return PASSWORD + " " + email.substring(0, email.indexOf('@'));
    }

    private String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }

    private String member(String name, String email, String rate) {
        return joinWithLogin(name, email, rate, password(email));
    }

    /** The client downloads the PDF; its text as pdfbox reads it. */
    private String pdfText(String invoice, String email) throws Exception {
        ResponseEntity<byte[]> pdf = http.withBasicAuth(email, password(email))
                .getForEntity(path("/invoices/" + invoice + "/pdf"), byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private JsonNode lineOf(Response invoice, String member) {
        for (JsonNode line : invoice.body().get("lines")) {
            if (member.equals(line.get("memberId").asText())) {
                return line;
            }
        }
        throw new AssertionError("no line for " + member);
    }

    @Test
    void aMonthOfHoursIsBilledApprovedByASecondTreasurerPaidInPartCreditedAndEachMemberEarnsTheirRateLessTheFee()
            throws Exception {
        String anna = member("Anna de Vries", "anna@gilde.example", "70.00");
        String bram = member("Bram Smit", "bram@gilde.example", "60.00");
        String carla = member("Carla Jansen", "carla@gilde.example", "65.00");
        assertThat(api.asAdmin(HttpMethod.POST, path("/members/" + bram + "/roles"), "{\"role\": \"TREASURER\"}").status())
                .isEqualTo(200);
        BillableProject billable = new BillableProject(api, cooperative);
        String portal = billable.id;
        billable.assign(anna, "ux");
        billable.assign(bram, "java");
        billable.assign(carla, "ux");
        billable.setInvoicingDetails();
        billable.setClient();
        String annasFirst = billable.logHours(anna, "anna@gilde.example", password("anna@gilde.example"), 3, "8");
        billable.logHours(anna, "anna@gilde.example", password("anna@gilde.example"), 4, "2.25");
        billable.logHours(bram, "bram@gilde.example", password("bram@gilde.example"), 4, "4");
        billable.logHours(carla, "carla@gilde.example", password("carla@gilde.example"), 5, "6");

        // bad input is 400 naming the field, and nothing is stored
        Response bad = api.asAdmin(HttpMethod.PUT, path("/projects/" + portal + "/rates"),
                "{\"rates\": [{\"skill\": \"ux\", \"hourlyRate\": \"1e3\"}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("rates[0].hourlyRate");
        assertThat(api.asAdmin(HttpMethod.GET, path("/projects/" + portal + "/rates"), null).body().at("/rates/0/hourlyRate")
                .asText()).isEqualTo("80.00"); // java first, by skill: the rates set before

        Response draft = api.asAdmin(HttpMethod.POST, path("/projects/" + portal + "/invoices"),
                "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(LAST_MONTH.atDay(1), LAST_MONTH.atEndOfMonth()));
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.headers().getLocation()).isNotNull();
        assertThat(draft.text("status")).isEqualTo("DRAFT");
        assertThat(draft.body().get("lines")).hasSize(3);
        assertThat(lineOf(draft, anna).get("amount").asText()).isEqualTo("1025.00");
        assertThat(lineOf(draft, bram).get("amount").asText()).isEqualTo("320.00");
        assertThat(lineOf(draft, carla).get("amount").asText()).isEqualTo("600.00");
        assertThat(draft.text("totalExclVat")).isEqualTo("1945.00");
        String invoice = draft.text("invoiceId");

        Response own = api.asAdmin(HttpMethod.POST, path("/invoices/" + invoice + "/approve"), null);
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.text("detail")).contains("Four eyes");

        Response approved = api.post(path("/invoices/" + invoice + "/approve"), null, "bram@gilde.example", password("bram@gilde.example"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("number")).isEqualTo(TODAY.getYear() + "-0001");
        assertThat(approved.text("status")).isEqualTo("SENT");
        // 1625.00 at 21% = 341.25, 320.00 at 9% = 28.80
        assertThat(approved.text("totalVat")).isEqualTo("370.05");
        assertThat(approved.text("total")).isEqualTo("2315.05");
        assertThat(approved.text("dueDate")).isEqualTo(TODAY.plusDays(30).toString());

        // earnings: hours × the member's own rate, less the 5% fee
        assertThat(balance(anna)).isEqualTo("681.62");  // 10.25 × 70.00 = 717.50, fee 35.88
        assertThat(balance(bram)).isEqualTo("228.00");  // 4 × 60.00 = 240.00, fee 12.00
        assertThat(balance(carla)).isEqualTo("370.50"); // 6 × 65.00 = 390.00, fee 19.50

        Response withdraw = api.exchange(HttpMethod.DELETE, path("/hours/" + annasFirst), null, "anna@gilde.example",
                password("anna@gilde.example"), new org.springframework.http.HttpHeaders());
        assertThat(withdraw.status()).isEqualTo(422);

        Response again = api.asAdmin(HttpMethod.POST, path("/projects/" + portal + "/invoices"),
                "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(LAST_MONTH.atDay(1), LAST_MONTH.atEndOfMonth()));
        assertThat(again.status()).as("the hours are billed").isEqualTo(422);

        // the client sees their project's invoice
        Response invited = api.asAdmin(HttpMethod.POST, path("/projects/" + portal + "/clients"),
                "{\"name\": \"Marieke Jansen\", \"email\": \"marieke@utrecht.example\"}");
        assertThat(api.post("/api/invitations/" + invited.text("invitationToken"),
                "{\"password\": \"" + password("marieke@utrecht.example") + "\"}",
                null, null).status()).isEqualTo(201);
        Response clientsList = api.get(path("/invoices"), "marieke@utrecht.example", password("marieke@utrecht.example"));
        assertThat(clientsList.status()).isEqualTo(200);
        assertThat(clientsList.body()).hasSize(1);
        assertThat(api.get(path("/invoices/" + invoice), "marieke@utrecht.example", password("marieke@utrecht.example")).text("total"))
                .isEqualTo("2315.05");
        assertThat(api.get(path("/invoices"), "anna@gilde.example", password("anna@gilde.example")).body()).isEmpty();
        ResponseEntity<String> ubl = http.withBasicAuth("marieke@utrecht.example", password("marieke@utrecht.example"))
                .getForEntity(path("/invoices/" + invoice + "/ubl"), String.class);
        assertThat(ubl.getStatusCode().value()).isEqualTo(200);
        assertThat(ubl.getBody()).contains("<cbc:ID>" + TODAY.getYear() + "-0001</cbc:ID>")
                .contains("<cbc:PayableAmount currencyID=\"EUR\">2315.05</cbc:PayableAmount>")
                // a Dutch client's lines in Dutch, each line per member naming whose hours they are
                .contains("<cbc:Name>Uren ux, Anna de Vries</cbc:Name>").contains("<cbc:Name>Uren java, Bram Smit</cbc:Name>");
        assertThat(UblValidationTest.invoiceErrors(ubl.getBody())).isEmpty();
        String pdfText = pdfText(invoice, "marieke@utrecht.example");
        assertThat(pdfText).contains(TODAY.getYear() + "-0001").contains("EUR 1945.00").contains("EUR 341.25")
                .contains("EUR 28.80").contains("EUR 2315.05").contains("NL123456789B01").contains("12345678")
                .contains("Gemeente Utrecht").contains("Carla Jansen");

        Response paid = api.asAdmin(HttpMethod.POST, path("/invoices/" + invoice + "/payments"),
                "{\"amount\": \"1000.00\", \"date\": \"%s\"}".formatted(TODAY));
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.text("outstanding")).isEqualTo("1315.05");
        assertThat(paid.text("status")).isEqualTo("SENT");

        Response credited = api.asAdmin(HttpMethod.POST, path("/invoices/" + invoice + "/credit-notes"),
                "{\"lines\": [%d], \"reason\": \"Java review cancelled\"}".formatted(lineOf(approved, bram).get("number").asInt()));
        assertThat(credited.status()).isEqualTo(201);
        assertThat(credited.text("kind")).isEqualTo("CREDIT_NOTE");
        assertThat(credited.text("number")).isEqualTo(TODAY.getYear() + "-0002");
        assertThat(credited.text("total")).isEqualTo("348.80");
        assertThat(balance(bram)).isEqualTo("0.00");
        String creditNoteUbl = http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity(path("/invoices/" + credited.text("invoiceId") + "/ubl"), String.class).getBody();
        assertThat(UblValidationTest.creditNoteErrors(creditNoteUbl)).isEmpty();
        assertThat(balance(anna)).isEqualTo("681.62");
        Response afterCredit = api.asAdmin(HttpMethod.GET, path("/invoices/" + invoice), null);
        assertThat(afterCredit.text("outstanding")).isEqualTo("966.25");

        Response earnings = api.get(path("/members/" + anna + "/earnings"), "anna@gilde.example", password("anna@gilde.example"));
        assertThat(earnings.status()).isEqualTo(200);
        assertThat(earnings.body().get(0).get("owed").asText()).isEqualTo("681.62");
        assertThat(api.get(path("/members/" + anna + "/earnings"), "carla@gilde.example", password("carla@gilde.example")).status()).isEqualTo(403);

        assertThat(api.asAdmin(HttpMethod.GET, path("/balances"), null).text("total")).isEqualTo("0.00");
        ResponseEntity<String> journal = http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity(path("/ledger.journal"), String.class);
        assertThat(journal.getBody()).contains("Invoice " + TODAY.getYear() + "-0001 to Gemeente Utrecht")
                .contains("assets:receivables:clients").contains("income:invoicing:fees");
        Path file = dir.resolve("invoicing.journal");
        Files.writeString(file, journal.getBody(), StandardCharsets.UTF_8);
        StrictBooks.check(file);
    }

    @Test
    void eightTreasurersApprovingAtOnceGetNumbersOneToEightWithoutAGapOrARepeat() throws Exception {
        String bram = member("Bram Smit", "bram.numbers@gilde.example", "60.00");
        assertThat(api.asAdmin(HttpMethod.POST, path("/members/" + bram + "/roles"), "{\"role\": \"TREASURER\"}").status())
                .isEqualTo(200);
        BillableProject billable = new BillableProject(api, cooperative);
        String portal = billable.id;
        billable.setInvoicingDetails();
        billable.setClient();
        List<String> drafts = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            Response draft = api.asAdmin(HttpMethod.POST, path("/projects/" + portal + "/invoices"), """
                    {"from": "%s", "to": "%s", "fixedAmount": {"description": "Milestone %d", "amount": "1000.00", "vatRate": "STANDARD"}}"""
                    .formatted(LAST_MONTH.atDay(1), LAST_MONTH.atEndOfMonth(), i));
            assertThat(draft.status()).isEqualTo(201);
            drafts.add(draft.text("invoiceId"));
        }
        ExecutorService approvers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (String draft : drafts) {
                Callable<Response> approve = () -> api.post(path("/invoices/" + draft + "/approve"), null,
                        "bram.numbers@gilde.example", password("bram.numbers@gilde.example"));
                answers.add(approvers.submit(approve));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response approved = answer.get();
                assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
                numbers.add(approved.text("number"));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                expected.add("%d-%04d".formatted(TODAY.getYear(), i));
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            approvers.shutdownNow();
        }
    }
}
