package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared costs and the books over HTTP: split, approve, reverse, settle, refuse, export. */
class BooksJourneyTest extends HttpJourney {

    private static final String LAST_MONTH_DAY = TestClock.thisMonth().minusMonths(1).atDay(10).toString();

    private String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }

    private Response post(String rest, String body) {
        return api.asAdmin(HttpMethod.POST, path(rest), body);
    }

    private Response get(String rest) {
        return api.asAdmin(HttpMethod.GET, path(rest), null);
    }

    private List<String> threeMembers() {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("Anna", "Bram", "Carla")) {
            ids.add(join(name + " Test", name.toLowerCase() + ".books@gilde.example", "80.00").text("memberId"));
        }
        return ids.stream().sorted().toList();
    }

    private static String cost(String amount, String split) {
        return """
                {"description": "Liability insurance", "amount": "%s", "date": "%s", "category": "insurance",
                 "split": %s}""".formatted(amount, LAST_MONTH_DAY, split);
    }

    private static BigDecimal sum(JsonNode balances) {
        BigDecimal sum = new BigDecimal(balances.get("cooperative").asText());
        for (JsonNode member : balances.get("members")) {
            sum = sum.add(new BigDecimal(member.get("balance").asText()));
        }
        return sum;
    }

    private static String balanceOf(JsonNode balances, String memberId) {
        for (JsonNode member : balances.get("members")) {
            if (member.get("memberId").asText().equals(memberId)) {
                return member.get("balance").asText();
            }
        }
        throw new AssertionError("no balance for " + memberId);
    }

    @Test
    void anHoursSplitFollowsTheHoursEachMemberLoggedInTheCostsMonth() {
        String dirk = joinWithLogin("Dirk Hours", "dirk.hours@gilde.example", "dirk-secret-password");
        String eva = joinWithLogin("Eva Hours", "eva.hours@gilde.example", "eva-secret-password");
        logHours(dirk, "dirk.hours@gilde.example", "dirk-secret-password", "3.00");
        logHours(eva, "eva.hours@gilde.example", "eva-secret-password", "0.75");
        logHours(eva, "eva.hours@gilde.example", "eva-secret-password", "0.25");

        Response everyoneWhoLogged = post("/costs", cost("10.00", "{\"method\": \"HOURS\"}"));
        Response named = post("/costs", cost("10.01", "{\"method\": \"HOURS\", \"participants\": [\"%s\", \"%s\"]}"
                .formatted(dirk, eva)));

        assertThat(everyoneWhoLogged.status()).isEqualTo(201);
        assertThat(amountsByMember(everyoneWhoLogged)).containsEntry(dirk, "7.50").containsEntry(eva, "2.50").hasSize(2);
        assertThat(amountsByMember(named)).containsEntry(dirk, "7.51").containsEntry(eva, "2.50");
    }

    private void logHours(String memberId, String email, String password, String hours) {
        Response logged = api.post(path("/hours"), """
                {"memberId": "%s", "date": "%s", "hours": %s, "kind": "COOPERATIVE", "description": "books"}"""
                .formatted(memberId, LAST_MONTH_DAY, hours), email, password);
        assertThat(logged.status()).isEqualTo(201);
    }

    private static Map<String, String> amountsByMember(Response cost) {
        Map<String, String> amounts = new HashMap<>();
        cost.body().get("shares").forEach(s -> amounts.put(s.get("memberId").asText(), s.get("amount").asText()));
        return amounts;
    }

    @Test
    void aCostOf100SplitEquallyGivesTheOddCentToOneMemberAndAReversalUndoesIt() {
        List<String> members = threeMembers();

        Response shared = post("/costs", cost("100.00", "{\"method\": \"EQUAL\"}"));
        assertThat(shared.status()).isEqualTo(201);
        assertThat(shared.headers().getLocation().toString()).endsWith("/costs/" + shared.text("costId"));
        assertThat(shared.body().get("shares").findValuesAsText("memberId")).containsExactlyElementsOf(members);
        assertThat(shared.body().get("shares").findValuesAsText("amount"))
                .containsExactlyInAnyOrder("33.34", "33.33", "33.33");
        // which member pays the odd cent is drawn per cost; put them first below
        String oddCent = amountsByMember(shared).entrySet().stream().filter(e -> e.getValue().equals("33.34"))
                .findFirst().orElseThrow().getKey();
        members = Stream.concat(Stream.of(oddCent), members.stream().filter(m -> !m.equals(oddCent))).toList();
        assertThat(shared.text("status")).isEqualTo("SUBMITTED");
        assertThat(get("/costs/queue").body().findValuesAsText("costId")).containsExactly(shared.text("costId"));

        Response approved = post("/costs/" + shared.text("costId") + "/approve", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.body().at("/approval/by").asText()).isNotEmpty();
        assertThat(get("/costs/queue").body()).isEmpty();

        JsonNode balances = get("/balances").body();
        assertThat(balanceOf(balances, members.get(0))).isEqualTo("-33.34");
        assertThat(balanceOf(balances, members.get(1))).isEqualTo("-33.33");
        assertThat(balances.get("cooperative").asText()).isEqualTo("100.00");
        assertThat(balances.get("total").asText()).isEqualTo("0.00");
        assertThat(sum(balances)).isEqualByComparingTo("0");
        JsonNode before = get("/balances?asOf=" + LocalDate.parse(LAST_MONTH_DAY).minusDays(1)).body();
        assertThat(balanceOf(before, members.get(0))).isEqualTo("0.00");

        Response reversed = post("/costs/" + shared.text("costId") + "/reverse", "{\"reason\": \"booked on the wrong cooperative\"}");
        Response twice = post("/costs/" + shared.text("costId") + "/reverse", "{\"reason\": \"again\"}");
        assertThat(reversed.text("status")).isEqualTo("REVERSED");
        assertThat(twice.status()).isEqualTo(409);
        JsonNode after = get("/balances").body();
        for (String member : members) {
            assertThat(balanceOf(after, member)).isEqualTo("0.00");
        }
        assertThat(after.get("cooperative").asText()).isEqualTo("0.00");
        // The original stays visible: the journal shows the cost and its reversal.
        assertThat(get("/ledger?memberId=" + members.get(0)).body().get("lines").findValuesAsText("amount"))
                .containsExactly("33.34", "-33.34");
    }

    @Test
    void badInputIsRefusedNamingTheFieldOrRuleAndTheJournalStaysUnchanged() {
        List<String> members = threeMembers();
        post("/costs/" + post("/costs", cost("30.00", "{\"method\": \"EQUAL\"}")).text("costId") + "/approve", null);
        String journal = get("/ledger").body().toString();

        for (String amount : List.of("12.345", "-5.00", "0", "1e3", "NaN", "abc", "1000000000.00")) {
            Response refused = post("/costs", cost(amount, "{\"method\": \"EQUAL\"}"));
            assertThat(refused.status()).as(amount).isEqualTo(400);
            assertThat(refused.headers().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(refused.body().at("/errors/0/field").asText()).as(amount).isEqualTo("amount");
        }
        Response stranger = post("/costs", cost("10.00", "{\"method\": \"EQUAL\", \"participants\": [\"%s\", \"%s\"]}"
                .formatted(members.get(0), java.util.UUID.randomUUID())));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body().at("/errors/0/field").asText()).isEqualTo("split.participants[1]");

        Response percent = post("/costs", cost("10.00", "{\"method\": \"PERCENT\", \"participants\": [\"%s\", \"%s\"], \"weights\": [\"60\", \"30\"]}"
                .formatted(members.get(0), members.get(1))));
        assertThat(percent.status()).isEqualTo(422);
        assertThat(percent.body().get("detail").asText()).contains("PERCENT weights must add up to exactly 100");

        Response exact = post("/costs", cost("10.00", "{\"method\": \"EXACT\", \"participants\": [\"%s\", \"%s\"], \"weights\": [\"6.00\", \"3.99\"]}"
                .formatted(members.get(0), members.get(1))));
        assertThat(exact.status()).isEqualTo(422);
        assertThat(exact.body().get("detail").asText()).contains("EXACT amounts must add up to the cost");

        Response hours = post("/costs", cost("10.00", "{\"method\": \"HOURS\", \"participants\": [\"%s\"], \"weights\": [\"8\"]}"
                .formatted(members.get(0))));
        assertThat(hours.status()).isEqualTo(400);
        assertThat(hours.body().at("/errors/0/field").asText()).isEqualTo("split.weights");
        Response nobodyLogged = post("/costs", cost("10.00", "{\"method\": \"HOURS\"}"));
        assertThat(nobodyLogged.status()).isEqualTo(422);

        String twoMonthsAgo = TestClock.thisMonth().minusMonths(2).toString();
        assertThat(post("/periods/" + twoMonthsAgo + "/close", null).status()).isEqualTo(200);
        Response closed = post("/costs", cost("10.00", "{\"method\": \"EQUAL\"}")
                .replace(LAST_MONTH_DAY, TestClock.thisMonth().minusMonths(2).atDay(3).toString()));
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.body().get("detail").asText()).contains("The period " + twoMonthsAgo + " is closed");
        Response settlementInClosed = post("/settlements", """
                {"memberId": "%s", "amount": "5.00", "date": "%s", "direction": "PAID_TO_COOPERATIVE"}"""
                .formatted(members.get(0), TestClock.thisMonth().minusMonths(2).atDay(3)));
        assertThat(settlementInClosed.status()).isEqualTo(422);

        assertThat(get("/ledger").body().toString()).isEqualTo(journal);
        assertThat(get("/costs").body()).hasSize(1);
    }

    @Test
    void aMemberSharesWhatTheyPaidButCannotApproveAndATreasurerCan() {
        String hanna = joinWithLogin("Hanna Post", "hanna.books@gilde.example", "hanna-secret-password");
        List<String> members = threeMembers();
        String body = """
                {"description": "Train tickets to the client workshop", "amount": "90.00", "date": "%s",
                 "category": "travel", "paidBy": "%s",
                 "split": {"method": "SHARES", "participants": ["%s", "%s"], "weights": ["2", "1"]}}"""
                .formatted(LAST_MONTH_DAY, hanna, members.get(0), members.get(1));

        Response shared = api.post(path("/costs"), body, "hanna.books@gilde.example", "hanna-secret-password");
        Response forAnother = api.post(path("/costs"), body.replace(hanna, members.get(2)), "hanna.books@gilde.example",
                "hanna-secret-password");
        Response selfApproval = api.post(path("/costs/" + shared.text("costId") + "/approve"), null,
                "hanna.books@gilde.example", "hanna-secret-password");
        Response approval = post("/costs/" + shared.text("costId") + "/approve", null);

        assertThat(shared.status()).isEqualTo(201);
        assertThat(shared.body().get("shares").findValuesAsText("amount")).containsExactly("60.00", "30.00");
        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(approval.status()).isEqualTo(200);
        JsonNode balances = get("/balances").body();
        assertThat(balanceOf(balances, hanna)).isEqualTo("90.00");
        assertThat(balances.get("cooperative").asText()).isEqualTo("0.00");
        assertThat(api.get(path("/members/" + hanna + "/balance"), "hanna.books@gilde.example", "hanna-secret-password")
                .text("balance")).isEqualTo("90.00");
        assertThat(api.get(path("/balances"), "hanna.books@gilde.example", "hanna-secret-password").status()).isEqualTo(403);
    }

    @Test
    void withTwoTreasurersTheSubmitterCannotApproveAndABigCostNeedsTwoApprovals() {
        List<String> members = threeMembers();
        assertThat(api.asAdmin(HttpMethod.POST, path("/members/" + members.get(0) + "/roles"), "{\"role\": \"TREASURER\"}")
                .status()).isEqualTo(200);
        Response big = post("/costs", cost("3000.00", "{\"method\": \"EQUAL\"}"));

        Response first = post("/costs/" + big.text("costId") + "/approve", null);

        assertThat(first.status()).isEqualTo(422);
        assertThat(first.body().get("detail").asText()).contains("Four eyes");
    }

    @Test
    void threeCostsSplitThreeWaysChargeEachMemberTheOddCentOnce() {
        List<String> members = threeMembers();
        Map<String, Integer> oddCents = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            Response shared = post("/costs", cost("100.00", "{\"method\": \"EQUAL\"}"));
            assertThat(shared.status()).isEqualTo(201);
            amountsByMember(shared).forEach((member, amount) -> {
                if (amount.equals("33.34")) {
                    oddCents.merge(member, 1, Integer::sum);
                }
            });
        }
        // the odd cent goes to whoever carries the fewest so far, not always to the lowest member id
        assertThat(oddCents).containsOnlyKeys(members).containsValues(1, 1, 1);
    }

    @Test
    void aBigCostOneOfTwoTreasurersSubmittedSaysWhyItWaitsAndAnAdminWhoDidNotSubmitItGivesTheSecondApproval() {
        String bram = joinWithLogin("Bram Second", "bram.deadlock@gilde.example", "bram-second-password");
        String carla = joinWithLogin("Carla Admin", "carla.deadlock@gilde.example", "carla-admin-password");
        assertThat(post("/members/" + bram + "/roles", "{\"role\": \"TREASURER\"}").status()).isEqualTo(200);
        // the founder (admin and treasurer) submits a cost above the threshold of 2,500.00
        Response big = post("/costs", cost("3000.00", "{\"method\": \"EQUAL\"}"));
        String costPath = "/costs/" + big.text("costId");
        assertThat(big.text("approvalsNeeded")).isEqualTo("2");
        assertThat(big.body().get("nextApprovers").findValuesAsText("memberId")).containsExactly(bram);

        Response first = api.post(path(costPath + "/approve"), null, "bram.deadlock@gilde.example", "bram-second-password");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("SUBMITTED");
        JsonNode waiting = get("/costs/queue").body().get(0);
        assertThat(waiting.get("waitingReason").asText()).isEqualTo("NO_SECOND_APPROVER");
        assertThat(waiting.get("nextApprovers")).isEmpty();
        Response notAnAdminYet = api.post(path(costPath + "/approve"), null, "carla.deadlock@gilde.example",
                "carla-admin-password");
        assertThat(notAnAdminYet.status()).isEqualTo(403);

        // an admin who neither submitted nor paid it counts as an approver while too few treasurers may
        assertThat(post("/members/" + carla + "/roles", "{\"role\": \"ADMIN\"}").status()).isEqualTo(200);
        JsonNode withAdmin = get("/costs/queue").body().get(0);
        assertThat(withAdmin.get("waitingReason").isNull()).isTrue();
        assertThat(withAdmin.get("nextApprovers").findValuesAsText("name")).containsExactly("Carla Admin");
        Response second = api.post(path(costPath + "/approve"), null, "carla.deadlock@gilde.example", "carla-admin-password");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("status")).isEqualTo("APPROVED");
        assertThat(second.body().at("/approval/by").asText()).isEqualTo(carla);
        assertThat(second.body().get("waitingReason").isNull()).isTrue();
        assertThat(get("/balances").body().get("total").asText()).isEqualTo("0.00");
    }

    @Test
    void anAdminDoesNotApproveWhileEnoughTreasurersMay() {
        String carla = joinWithLogin("Carla Admin", "carla.standin@gilde.example", "carla-admin-password");
        List<String> members = threeMembers();
        assertThat(post("/members/" + carla + "/roles", "{\"role\": \"ADMIN\"}").status()).isEqualTo(200);
        Response small = post("/costs", """
                {"description": "Paper", "amount": "30.00", "date": "%s", "category": "office", "paidBy": "%s",
                 "split": {"method": "EQUAL"}}""".formatted(LAST_MONTH_DAY, members.get(0)));

        Response byTheAdmin = api.post(path("/costs/" + small.text("costId") + "/approve"), null,
                "carla.standin@gilde.example", "carla-admin-password");

        // the founder, the single treasurer, may approve it: nobody stands in
        assertThat(byTheAdmin.status()).isEqualTo(422);
        assertThat(get("/costs/" + small.text("costId")).text("status")).isEqualTo("SUBMITTED");
    }

    @Test
    void settlementsClearBalancesAndTheJournalShowsRunningBalances() {
        List<String> members = threeMembers();
        post("/costs/" + post("/costs", cost("90.00", "{\"method\": \"EQUAL\"}")).text("costId") + "/approve", null);

        Response settled = post("/settlements", """
                {"memberId": "%s", "amount": "30.00", "date": "%s", "direction": "PAID_TO_COOPERATIVE"}"""
                .formatted(members.get(0), TestClock.today()));
        Response wrongWay = post("/settlements", """
                {"memberId": "%s", "amount": "30.00", "date": "%s", "direction": "SIDEWAYS"}"""
                .formatted(members.get(1), TestClock.today()));

        assertThat(settled.status()).isEqualTo(201);
        assertThat(settled.text("balance")).isEqualTo("0.00");
        assertThat(wrongWay.status()).isEqualTo(400);
        assertThat(wrongWay.body().at("/errors/0/field").asText()).isEqualTo("direction");
        JsonNode lines = get("/ledger?memberId=" + members.get(0)).body().get("lines");
        assertThat(lines.findValuesAsText("memberBalance")).containsExactly("-30.00", "0.00");
        JsonNode page = get("/ledger?size=2&page=1&category=insurance").body();
        assertThat(page.get("totalLines").asInt()).isEqualTo(6);
        assertThat(page.get("lines")).hasSize(2);
        assertThat(get("/category-totals").body().get(0).get("total").asText()).isEqualTo("90.00");
        assertThat(Stream.of(get("/balances").body()).map(BooksJourneyTest::sum).findFirst().orElseThrow())
                .isEqualByComparingTo("0");
    }

    @Test
    void everyJournalPageShowsEachMembersBalanceCountingTheLinesItLeavesOut() {
        List<String> members = threeMembers();
        LocalDate day = LocalDate.parse(LAST_MONTH_DAY);
        String[][] costs = {{"30.00", "insurance", "0"}, {"12.03", "office", "1"}, {"7.50", "insurance", "1"},
                {"45.00", "office", "-3"}, {"9.99", "software", "2"}};
        for (String[] cost : costs) {
            String id = post("/costs", """
                    {"description": "Cost %s", "amount": "%s", "date": "%s", "category": "%s", "split": {"method": "EQUAL"}}"""
                    .formatted(cost[0], cost[0], day.plusDays(Long.parseLong(cost[2])), cost[1])).text("costId");
            assertThat(post("/costs/" + id + "/approve", null).status()).isEqualTo(200);
        }
        post("/settlements", """
                {"memberId": "%s", "amount": "20.00", "date": "%s", "direction": "PAID_TO_COOPERATIVE"}"""
                .formatted(members.get(1), day.plusDays(1)));

        // What each member line should say, summed from the whole journal in the books' order.
        Map<String, BigDecimal> running = new HashMap<>();
        Map<String, String> expected = new HashMap<>();
        for (JsonNode line : get("/ledger?size=1000").body().get("lines")) {
            if (!line.get("memberId").isNull()) {
                BigDecimal total = running.merge(line.get("memberId").asText(), new BigDecimal(line.get("amount").asText()),
                        BigDecimal::add);
                expected.put(line.get("eventId").asText() + "#" + line.get("line").asText(), total.negate().toPlainString());
            }
        }

        int checked = 0;
        for (String filter : List.of("", "&category=insurance", "&category=office", "&memberId=" + members.get(1))) {
            for (int page = 0; ; page++) {
                JsonNode lines = get("/ledger?size=4&page=" + page + filter).body().get("lines");
                if (lines.isEmpty()) {
                    break;
                }
                for (JsonNode line : lines) {
                    if (!line.get("memberId").isNull()) {
                        assertThat(line.get("memberBalance").asText()).as("%s on page %d", filter, page)
                                .isEqualTo(expected.get(line.get("eventId").asText() + "#" + line.get("line").asText()));
                        checked++;
                    }
                }
            }
        }
        // The unfiltered pages alone check every member line; the filtered ones check more on top.
        assertThat(checked).isGreaterThan(expected.size());
    }
}
