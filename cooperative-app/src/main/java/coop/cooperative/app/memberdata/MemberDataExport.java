package coop.cooperative.app.memberdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.riskpool.RiskPoolClaims;
import coop.cooperative.app.web.Csv;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.books.BookQueries.FindJournal;
import coop.cooperative.projections.books.BookQueries.JournalLine;
import coop.cooperative.projections.books.BookQueries.JournalPage;
import coop.cooperative.projections.costs.CostQueries.CostView;
import coop.cooperative.projections.costs.CostQueries.FindCosts;
import coop.cooperative.projections.hours.HoursQueries.FindMemberHours;
import coop.cooperative.projections.hours.HoursQueries.MemberHours;
import coop.cooperative.projections.hours.HoursQueries.PeriodHours;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.FindMember;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.AccountEntry;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindAccountHistory;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindRiskPool;
import coop.cooperative.projections.riskpool.RiskPoolQueries.PoolMember;
import coop.cooperative.projections.riskpool.RiskPoolQueries.RiskPoolView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A member's own data as one zip of JSON and CSV files (GDPR article 20): their profile, membership
 * and roles, hours, the costs they paid or share in, their balance line by line, their risk-pool
 * account and their claims with the reasons (their own health data, so theirs to take). Only the
 * member themself downloads it: not even an admin may, as it holds their claims' reasons.
 */
@Service
public class MemberDataExport {

    private static final int JOURNAL_PAGE = 1000;

    private final QueryGateway queries;
    private final CooperativeAccess access;
    private final MemberProfiles profiles;
    private final RiskPoolClaims claims;
    private final ObjectMapper json;
    private final Clock clock;

    MemberDataExport(QueryGateway queries, CooperativeAccess access, MemberProfiles profiles, RiskPoolClaims claims,
                     ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.access = access;
        this.profiles = profiles;
        this.claims = claims;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    record Profile(MemberId memberId, CooperativeId cooperativeId, String cooperative, String name, String email) {
    }

    /** {@code roles}: the roles held now, MEMBER among them while a member. */
    record Membership(MemberId memberId, CooperativeId cooperativeId, String status, List<String> skills, List<String> roles,
                      Money hourlyRate, LocalDate joinedOn, LocalDate leftOn) {
    }

    /** {@code myShare}: what the member's share of the cost is, if they share in it. */
    record CostRow(String costId, LocalDate date, String description, String category, Money amount, String status,
                   boolean paidByMe, Money myShare) {
    }

    record ClaimRow(ClaimView claim, String reason, String lateFilingReason) {
    }

    record RiskPoolData(PoolMember enrolment, List<AccountEntry> account, List<ClaimRow> claims) {
    }

    /** The zip of the signed-in member's data in this cooperative. */
    public byte[] zipFor(CooperativeId cooperativeId, MemberId memberId) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        MemberView member = queries.query(new FindMember(memberId), ResponseTypes.optionalInstanceOf(MemberView.class)).join()
                .filter(m -> m.cooperativeId().equals(cooperativeId))
                .orElseThrow(() -> new NotFound(Refusal.MEMBER_NOT_FOUND, "No member " + memberId + " in this cooperative", memberId));
        boolean themself = access.currentMember(cooperativeId).map(me -> me.memberId().equals(memberId)).orElse(false);
        if (!themself) {
            throw new AccessDeniedException("Only the member themself downloads their data");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        var personal = profiles.personalData(memberId).orElse(new MemberProfiles.PersonalData(null, null));
        files.put("profile.json", write(new Profile(memberId, cooperativeId, cooperative.name(), personal.name(), personal.email())));
        files.put("membership.json", write(new Membership(memberId, cooperativeId, member.status().name(), member.skills(),
                member.rolesHeld().stream().map(Enum::name).toList(), member.hourlyRate(), member.joinedOn(), member.leftOn())));

        List<MemberHours> hours = hours(cooperative, member);
        files.put("hours.json", write(hours));
        files.put("hours.csv", hoursCsv(hours));

        List<CostRow> costs = costs(cooperativeId, memberId);
        files.put("costs.json", write(costs));
        files.put("costs.csv", costsCsv(costs));

        List<JournalLine> balance = balanceHistory(cooperativeId, memberId);
        files.put("balance.json", write(balance));
        files.put("balance.csv", balanceCsv(balance));

        files.put("risk-pool.json", write(riskPool(cooperativeId, memberId)));
        return zip(files);
    }

    private List<MemberHours> hours(CooperativeView cooperative, MemberView member) {
        List<MemberHours> years = new ArrayList<>();
        int last = member.leftOn() != null ? member.leftOn().getYear() : LocalDate.now(clock).getYear();
        for (int year = member.joinedOn().getYear(); year <= last; year++) {
            years.add(queries.query(new FindMemberHours(cooperative.cooperativeId(), member.memberId(), year,
                    cooperative.policies().developmentBudgetPercent()), MemberHours.class).join());
        }
        return years;
    }

    private List<CostRow> costs(CooperativeId cooperativeId, MemberId memberId) {
        return queries.query(new FindCosts(cooperativeId, null), ResponseTypes.multipleInstancesOf(CostView.class)).join()
                .stream()
                .filter(cost -> memberId.equals(cost.paidBy()) || cost.shares().stream().anyMatch(s -> s.memberId().equals(memberId)))
                .map(cost -> new CostRow(cost.costId().value().toString(), cost.date(), cost.description(), cost.category(),
                        cost.amount(), cost.status().name(), memberId.equals(cost.paidBy()),
                        cost.shares().stream().filter(s -> s.memberId().equals(memberId)).map(s -> s.amount()).findFirst().orElse(null)))
                .toList();
    }

    private List<JournalLine> balanceHistory(CooperativeId cooperativeId, MemberId memberId) {
        List<JournalLine> lines = new ArrayList<>();
        for (int page = 0; ; page++) {
            JournalPage found = queries.query(new FindJournal(cooperativeId, null, null, memberId, null, page, JOURNAL_PAGE),
                    JournalPage.class).join();
            lines.addAll(found.lines());
            if (found.lines().size() < JOURNAL_PAGE) {
                return lines;
            }
        }
    }

    private RiskPoolData riskPool(CooperativeId cooperativeId, MemberId memberId) {
        RiskPoolView pool = queries.query(new FindRiskPool(cooperativeId), RiskPoolView.class).join();
        List<AccountEntry> account = queries.query(new FindAccountHistory(cooperativeId, memberId),
                ResponseTypes.multipleInstancesOf(AccountEntry.class)).join();
        PoolMember enrolment = pool == null ? null
                : pool.members().stream().filter(m -> m.memberId().equals(memberId)).findFirst().orElse(null);
        List<ClaimRow> rows = pool == null ? List.of() : pool.claims().stream()
                .filter(claim -> claim.memberId().equals(memberId))
                .map(claim -> {
                    RiskPoolClaims.Reasons reasons = claims.reasonsOf(claim.claimId());
                    return new ClaimRow(claim, reasons.reason(), reasons.lateFilingReason());
                })
                .toList();
        return new RiskPoolData(enrolment, account, rows);
    }

    private static byte[] hoursCsv(List<MemberHours> years) {
        StringBuilder csv = new StringBuilder("month,project,development,cooperative,total\r\n");
        for (MemberHours year : years) {
            for (PeriodHours month : year.months()) {
                csv.append(String.join(",", month.period(), month.project().toPlainString(), month.development().toPlainString(),
                        month.cooperative().toPlainString(), month.total().toPlainString())).append("\r\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] costsCsv(List<CostRow> costs) {
        StringBuilder csv = new StringBuilder("cost_id,date,description,category,amount,currency,status,paid_by_me,my_share\r\n");
        for (CostRow cost : costs) {
            csv.append(String.join(",", cost.costId(), cost.date().toString(), Csv.cell(cost.description()),
                    Csv.cell(cost.category()), cost.amount().amount().toPlainString(),
                    cost.amount().currency().getCurrencyCode(), cost.status(), String.valueOf(cost.paidByMe()),
                    cost.myShare() == null ? "" : cost.myShare().amount().toPlainString())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] balanceCsv(List<JournalLine> lines) {
        StringBuilder csv = new StringBuilder("date,transaction,description,amount,currency,balance\r\n");
        for (JournalLine line : lines) {
            csv.append(String.join(",", line.date().toString(), line.eventId(), Csv.cell(line.description()),
                    line.amount().amount().toPlainString(), line.amount().currency().getCurrencyCode(),
                    line.memberBalance() == null ? "" : line.memberBalance().amount().toPlainString())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
