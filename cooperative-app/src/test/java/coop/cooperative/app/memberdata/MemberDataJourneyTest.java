package coop.cooperative.app.memberdata;

import coop.cooperative.app.Api;
import coop.cooperative.app.Api.Response;
import coop.cooperative.app.HttpJourney;
import coop.cooperative.app.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A member takes their own data with them (GDPR article 20); nobody else may take it. */
class MemberDataJourneyTest extends HttpJourney {

    private static final String PASSWORD = "a-long-own-data-password";
    private final String annasEmail = "anna.data-" + UUID.randomUUID() + "@gilde.example";
    private final String bramsEmail = "bram.data-" + UUID.randomUUID() + "@gilde.example";

    private String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }

    @Test
    void aMemberDownloadsTheirProfileCostsBalanceAndClaimWithItsReason() throws IOException {
        String anna = joinWithLogin("Anna de Vries", annasEmail, PASSWORD);
        String cost = shareInsurance(anna, annasEmail, PASSWORD, "Adobe Creative Cloud", "240.00");
        assertThat(api.asAdmin(HttpMethod.POST, path("/costs/" + cost + "/approve"), null).status()).isEqualTo(200);
        assertThat(api.asAdmin(HttpMethod.POST, path("/risk-pool/enrolments"), """
                {"memberId": "%s", "monthlyContribution": "45.00", "enrolledOn": "%s"}"""
                .formatted(anna, TestClock.today().minusMonths(4))).status()).isEqualTo(201);
        String reason = "a broken wrist " + UUID.randomUUID();
        Response filed = api.post(path("/risk-pool/claims"), """
                {"memberId": "%s", "startDate": "%s", "reason": "%s"}""".formatted(anna, TestClock.today(), reason),
                annasEmail, PASSWORD);
        assertThat(filed.status()).isEqualTo(201);

        ResponseEntity<byte[]> download = http.withBasicAuth(annasEmail, PASSWORD)
                .getForEntity(path("/members/" + anna + "/data"), byte[].class);

        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        Map<String, String> files = unzip(download.getBody());
        assertThat(files).containsOnlyKeys("profile.json", "membership.json", "hours.json", "hours.csv", "costs.json",
                "costs.csv", "balance.json", "balance.csv", "risk-pool.json");
        assertThat(files.get("profile.json")).contains("Anna de Vries", annasEmail, "De Gilde");
        assertThat(files.get("membership.json")).contains("MEMBER", "2026-02-01");
        assertThat(files.get("costs.csv")).contains("\"Adobe Creative Cloud\"", ",240.00,EUR,APPROVED,true,");
        assertThat(files.get("balance.csv")).startsWith("date,transaction,description,amount,currency,balance\r\n")
                .contains("Adobe Creative Cloud");
        assertThat(files.get("risk-pool.json")).contains(reason, filed.text("claimId"));

        ResponseEntity<byte[]> fromThePage = http.withBasicAuth(annasEmail, PASSWORD)
                .getForEntity("/cooperatives/" + cooperative + "/me/data", byte[].class);
        assertThat(fromThePage.getStatusCode().value()).isEqualTo(200);
        assertThat(unzip(fromThePage.getBody()).get("risk-pool.json")).contains(reason);
    }

    @Test
    void onlyTheMemberThemselfMayDownloadNotAnAdminNorAColleague() {
        String anna = joinWithLogin("Anna de Vries", annasEmail, PASSWORD);
        joinWithLogin("Bram Bakker", bramsEmail, PASSWORD);

        int asColleague = http.withBasicAuth(bramsEmail, PASSWORD).getForEntity(path("/members/" + anna + "/data"), String.class)
                .getStatusCode().value();
        int asAdmin = http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD).getForEntity(path("/members/" + anna + "/data"), String.class)
                .getStatusCode().value();
        int unknown = http.withBasicAuth(annasEmail, PASSWORD).getForEntity(path("/members/" + UUID.randomUUID() + "/data"), String.class)
                .getStatusCode().value();

        assertThat(asColleague).isEqualTo(403);
        assertThat(asAdmin).isEqualTo(403);
        assertThat(unknown).isEqualTo(404);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
