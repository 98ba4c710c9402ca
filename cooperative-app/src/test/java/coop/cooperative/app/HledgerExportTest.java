package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.ExternalTool.Result;
import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.costs.SharedCosts;
import coop.cooperative.app.costs.SharedCosts.NewCost;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.settlements.api.SettlementCommands.RecordSettlement;
import coop.cooperative.core.settlements.api.SettlementDirection;
import coop.cooperative.core.settlements.api.SettlementId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's real hledger reads our export of a generated ledger of more than 1,000 transactions:
 * it parses, every transaction balances, every balance assertion at the close of a period holds,
 * and each member's hledger balance is minus our API balance; hledger and ledger accept it in their
 * strict modes ({@link StrictBooks}). Scale with -Dbooks.hledger.costs=N.
 */
class HledgerExportTest extends HttpJourney {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    SharedCosts costs;
    @Autowired
    CommandGateway commands;
    @Autowired
    ProjectionCatchUp views;

    @TempDir
    Path dir;

    @Test
    void hledgerAcceptsTheExportAndAgreesWithOurBalances() throws Exception {
        int costCount = Integer.getInteger("books.hledger.costs", 700);
        CooperativeId coop = CooperativeId.of(cooperative);
        List<MemberId> members = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            members.add(MemberId.of(join("Member " + i, "hledger.member" + i + "@gilde.example", "80.00").text("memberId")));
        }
        // the founder of this very cooperative: the approvals check that the approver is its treasurer
        MemberId treasurer = null;
        for (JsonNode member : api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/members", null).body()) {
            if (member.get("roles").toString().contains("TREASURER")) {
                treasurer = MemberId.of(member.get("memberId").asText());
            }
        }
        Random random = new Random(42);
        LocalDate today = TestClock.today();
        LocalDate first = LocalDate.of(2026, 2, 1);
        int days = (int) (today.toEpochDay() - first.toEpochDay());
        String[] categories = {"insurance", "accountant", "software", "workspace", "training"};
        List<CostId> approved = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < costCount; i++) {
            Money amount = new Money(BigDecimal.valueOf(100 + random.nextInt(250_000), 2), EUR);
            LocalDate date = first.plusDays(random.nextInt(days));
            List<MemberId> people = new ArrayList<>(members);
            Collections.shuffle(people, random);
            people = people.subList(0, 1 + random.nextInt(people.size()));
            Split split = switch (i % 4) {
                case 0 -> Split.equal(people);
                case 1 -> new Split(SplitMethod.SHARES, people, people.stream().map(p -> BigDecimal.valueOf(1 + random.nextInt(5))).toList());
                case 2 -> percent(people);
                default -> exact(amount, people);
            };
            MemberId paidBy = random.nextBoolean() ? null : members.get(random.nextInt(members.size()));
            // every fifth cost with 21% VAT included, which the journal notes (this cooperative is not VAT-registered)
            Money vat = i % 5 == 0 ? new Money(amount.amount().multiply(BigDecimal.valueOf(21))
                    .divideToIntegralValue(BigDecimal.valueOf(121)).setScale(2), EUR) : null;
            CostId id = costs.share(coop, CostId.random(), new NewCost("Cost " + i + "; with a semicolon", amount, vat, date,
                    categories[i % categories.length], paidBy, split), treasurer, today, null);
            approved.add(id);
        }
        views.await();
        for (CostId id : approved) {
            costs.approve(coop, id, treasurer, today);
        }
        for (int i = 0; i < costCount / 7; i++) {
            costs.reverse(coop, approved.get(i * 7), treasurer, today, "booked twice");
        }
        for (int i = 0; i < costCount / 3; i++) {
            commands.sendAndWait(new RecordSettlement(SettlementId.random(), coop, members.get(i % members.size()),
                    new Money(BigDecimal.valueOf(1000 + random.nextInt(100_000), 2), EUR),
                    first.plusDays(random.nextInt(days)),
                    i % 2 == 0 ? SettlementDirection.PAID_TO_COOPERATIVE : SettlementDirection.RECEIVED_FROM_COOPERATIVE,
                    treasurer, today));
        }
        // the commands above were sent from here, not over HTTP: nothing waited for the ledger to read them
        views.await();
        long generated = System.nanoTime();
        for (YearMonth month = YearMonth.of(2026, 2); month.isBefore(YearMonth.of(2026, 6)); month = month.plusMonths(1)) {
            assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/periods/" + month + "/close", null)
                    .status()).isEqualTo(200);
        }

        long before = System.nanoTime();
        String journal = text("/ledger.journal");
        long exportMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        String csv = text("/ledger.csv");
        System.out.printf("books: %d costs generated in %d s; ledger.journal (%d KB) answered in %d ms%n", costCount,
                TimeUnit.NANOSECONDS.toSeconds(generated - started), journal.length() / 1024, exportMillis);

        Path file = dir.resolve("ledger.journal");
        Files.writeString(file, journal, StandardCharsets.UTF_8);
        long transactions = journal.lines().filter(l -> l.matches("\\d{4}-\\d{2}-\\d{2} .*")).count();
        long assertions = journal.lines().filter(l -> l.contains(" = ")).count();
        assertThat(transactions).isGreaterThanOrEqualTo(1000);
        assertThat(assertions).isGreaterThanOrEqualTo(4 * 12);
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[1]).distinct().count())
                .isEqualTo(transactions - 4);

        // Both tools accept it in their strictest modes: every account, commodity and tag declared.
        StrictBooks.check(file);
        assertThat(journal).contains("name: Member 3").contains("  ; member: Member 3\n");

        // hledger checks that every transaction balances and every assertion holds on any report.
        Result balance = hledger(file, "balance");
        assertThat(balance.exit()).as(balance.output()).isZero();
        Map<String, BigDecimal> hledgerBalances = new HashMap<>();
        for (String line : hledger(file, "balance", "-N", "-O", "csv", "--flat", "liabilities:members").output().lines().skip(1).toList()) {
            String[] cells = line.replace("\"", "").split(",");
            hledgerBalances.put(cells[0].substring("liabilities:members:".length()),
                    new BigDecimal(cells[1].replace(" EUR", "").replace("EUR", "").strip()));
        }
        JsonNode api = this.api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/balances", null).body();
        assertThat(api.get("total").asText()).isEqualTo("0.00");
        for (JsonNode member : api.get("members")) {
            BigDecimal ours = new BigDecimal(member.get("balance").asText());
            BigDecimal theirs = hledgerBalances.getOrDefault(member.get("memberId").asText(), BigDecimal.ZERO);
            assertThat(theirs).as(member.get("memberId").asText()).isEqualByComparingTo(ours.negate());
        }

        // And the assertions do bite: one cent off at a close is refused.
        String tampered = journal.replaceFirst("= (-?\\d+)\\.(\\d)(\\d) EUR", "= $1.$2$3 EUR ; x").replaceFirst(
                "= (-?\\d+\\.\\d\\d) EUR ; x", "= 0.01 EUR");
        Files.writeString(file, tampered, StandardCharsets.UTF_8);
        Result refused = hledger(file, "balance");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.output()).contains("balance assertion");
    }

    private String text(String rest) {
        ResponseEntity<String> response = http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity("/api/cooperatives/" + cooperative + rest, String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private static Split percent(List<MemberId> people) {
        List<BigDecimal> weights = new ArrayList<>();
        BigDecimal left = BigDecimal.valueOf(100);
        for (int i = 0; i < people.size() - 1; i++) {
            BigDecimal part = left.divide(BigDecimal.valueOf(2)).setScale(2, java.math.RoundingMode.DOWN);
            weights.add(part);
            left = left.subtract(part);
        }
        weights.add(left);
        return new Split(SplitMethod.PERCENT, people, weights);
    }

    private static Split exact(Money amount, List<MemberId> people) {
        BigDecimal each = amount.amount().divide(BigDecimal.valueOf(people.size()), 2, java.math.RoundingMode.DOWN);
        List<BigDecimal> weights = new ArrayList<>(Collections.nCopies(people.size(), each));
        weights.set(0, amount.amount().subtract(each.multiply(BigDecimal.valueOf(people.size() - 1))));
        return new Split(SplitMethod.EXACT, people, weights);
    }

    private static Result hledger(Path file, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-f", file.toString()));
        command.addAll(List.of(args));
        return ExternalTool.require("hledger", "hledger").run(command.toArray(String[]::new));
    }
}
