package coop.cooperative.app.books;

import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.settlements.api.SettlementDirection;
import coop.cooperative.core.settlements.api.SettlementId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.books.BookQueries.CategoryTotal;
import coop.cooperative.projections.books.BookQueries.FindCategoryTotals;
import coop.cooperative.projections.books.BookQueries.FindJournal;
import coop.cooperative.projections.books.BookQueries.JournalPage;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Settlements, balances, the journal, the totals per category and the exports. */
@Tag(name = "Books", description = "Settlements, balances, the ledger and its exports")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}")
class BooksController {

    private final Settlements settlements;
    private final QueryGateway queries;
    private final BookRules rules;
    private final CooperativeAccess access;
    private final MemberProfiles profiles;
    private final BookReports reports;
    private final Clock clock;

    BooksController(Settlements settlements, QueryGateway queries, BookRules rules, CooperativeAccess access,
                    MemberProfiles profiles, BookReports reports, Clock clock) {
        this.settlements = settlements;
        this.queries = queries;
        this.rules = rules;
        this.access = access;
        this.profiles = profiles;
        this.reports = reports;
        this.clock = clock;
    }

    record SettlementRequest(@NotNull MemberId memberId, @NotNull String amount, @NotNull LocalDate date,
                             @NotNull SettlementDirection direction) {
    }

    record SettlementResponse(SettlementId settlementId, MemberId memberId, String amount, LocalDate date,
                              SettlementDirection direction, String balance) {
    }

    /** Money moved between a member and the cooperative; it clears their balance. */
    @Operation(summary = "Record a settlement between a member and the cooperative", operationId = "settle")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping("/settlements")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    ResponseEntity<SettlementResponse> settle(@PathVariable CooperativeId cooperativeId,
                                              @Valid @RequestBody SettlementRequest request) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        Money amount = Amounts.positive("amount", request.amount(), cooperative.currency());
        if (!rules.members(cooperativeId).containsKey(request.memberId())) {
            throw new InvalidRequestException("memberId", "is not a member of this cooperative");
        }
        SettlementId id = settlements.settle(cooperativeId, request.memberId(), amount, request.date(),
                request.direction(), rules.caller(cooperativeId));
        LocalDate today = LocalDate.now(clock);
        Money balance = reports.balance(cooperativeId, request.memberId(),
                today.isAfter(request.date()) ? today : request.date());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/cooperatives/{cid}/ledger").queryParam("memberId", request.memberId())
                        .buildAndExpand(cooperativeId.value()).toUri())
                .body(new SettlementResponse(id, request.memberId(), amount.toString(), request.date(),
                        request.direction(), balance.toString()));
    }

    record MemberBalance(MemberId memberId, String name, String balance) {
    }

    record BalancesResponse(LocalDate asOf, List<MemberBalance> members, String cooperative, String total) {
    }

    /**
     * Every member's balance as of a date (positive: the cooperative owes them), the cooperative's
     * own position, and their total, which is zero when the books balance.
     */
    @Operation(summary = "Every member's balance as of a date", operationId = "getBalances")
    @GetMapping("/balances")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    BalancesResponse balances(@PathVariable CooperativeId cooperativeId,
                              @RequestParam(required = false) LocalDate asOf) {
        BookReports.BalanceSheet sheet = reports.balances(cooperativeId, asOf != null ? asOf : LocalDate.now(clock));
        return new BalancesResponse(sheet.asOf(), sheet.members().stream()
                .map(m -> new MemberBalance(m.memberId(), m.name(), m.balance().toString())).toList(),
                sheet.cooperative().toString(), sheet.total().toString());
    }

    record MemberBalanceResponse(MemberId memberId, String name, LocalDate asOf, String balance) {
    }

    /** One member's balance: for the member themself or a treasurer. */
    @Operation(summary = "A member's balance and the lines behind it", operationId = "getMemberBalance")
    @GetMapping("/members/{memberId}/balance")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #memberId, 'TREASURER')")
    MemberBalanceResponse balance(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                                  @RequestParam(required = false) LocalDate asOf) {
        access.cooperative(cooperativeId);
        if (!rules.members(cooperativeId).containsKey(memberId)) {
            throw new coop.cooperative.core.shared.DomainException.NotFound(Refusal.MEMBER_NOT_FOUND,
                    "No member " + memberId + " in this cooperative", memberId);
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        Money balance = reports.balance(cooperativeId, memberId, date);
        return new MemberBalanceResponse(memberId, profiles.names(cooperativeId).get(memberId), date, balance.toString());
    }

    /** {@code vat}: on a cost's expense line, the VAT included in the cost (in the line's sign); null elsewhere. */
    record LineResponse(LocalDate date, String eventId, int line, String description, String category, String account,
                        MemberId memberId, String memberName, String amount, String memberBalance, String vat) {
    }

    record JournalResponse(int page, int size, long totalLines, List<LineResponse> lines) {
    }

    /**
     * The journal: every posting in order, amounts in the books' sign (debit positive), and on a
     * member's line that member's running balance. A member may read their own lines.
     */
    @Operation(summary = "The journal, with filters", operationId = "getLedger")
    @GetMapping("/ledger")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #memberId, 'TREASURER')")
    JournalResponse ledger(@PathVariable CooperativeId cooperativeId,
                           @RequestParam(required = false) LocalDate from,
                           @RequestParam(required = false) LocalDate to,
                           @RequestParam(required = false) YearMonth period,
                           @RequestParam(required = false) MemberId memberId,
                           @RequestParam(required = false) String category,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "100") int size) {
        access.cooperative(cooperativeId);
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > 1000) {
            throw new InvalidRequestException("size", "must be between 1 and 1000");
        }
        if (period != null) {
            from = period.atDay(1);
            to = period.atEndOfMonth();
        }
        JournalPage journal = queries.query(new FindJournal(cooperativeId, from, to, memberId, category, page, size),
                JournalPage.class).join();
        Map<MemberId, String> names = profiles.names(cooperativeId);
        return new JournalResponse(page, size, journal.totalLines(), journal.lines().stream()
                .map(l -> new LineResponse(l.date(), l.eventId(), l.line(), l.description(), l.category(), l.account(),
                        l.memberId(), l.memberId() == null ? null : names.get(l.memberId()), l.amount().toString(),
                        l.memberBalance() == null ? null : l.memberBalance().toString(),
                        l.vat() == null ? null : l.vat().toString()))
                .toList());
    }

    @Operation(summary = "The ledger as an hledger journal", operationId = "exportLedgerJournal")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    @GetMapping(value = "/ledger.journal")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    ResponseEntity<String> journal(@PathVariable CooperativeId cooperativeId) {
        return reports.journalExport(cooperativeId).response();
    }

    @Operation(summary = "The ledger as CSV", operationId = "exportLedgerCsv")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping(value = "/ledger.csv")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    ResponseEntity<String> csv(@PathVariable CooperativeId cooperativeId) {
        return reports.csvExport(cooperativeId).response();
    }

    /** {@code total}: what the category cost (net of input VAT when VAT-registered); {@code vat}: the VAT in its costs. */
    record CategoryTotalResponse(YearMonth month, String category, String total, String vat) {
    }

    /** What approved costs, net of reversals, came to per category per month. */
    @Operation(summary = "What approved costs came to per category per month", operationId = "listCategoryTotals")
    @GetMapping("/category-totals")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    List<CategoryTotalResponse> categoryTotals(@PathVariable CooperativeId cooperativeId,
                                               @RequestParam(required = false) LocalDate from,
                                               @RequestParam(required = false) LocalDate to) {
        return queries.query(new FindCategoryTotals(cooperativeId, from, to),
                        ResponseTypes.multipleInstancesOf(CategoryTotal.class)).join().stream()
                .map(t -> new CategoryTotalResponse(t.month(), t.category(), t.total().toString(), t.vat().toString()))
                .toList();
    }

    record QuarterResponse(int quarter, LocalDate from, LocalDate to, String inputVat) {
    }

    record InputVatResponse(int year, String currency, boolean vatRegistered, List<QuarterResponse> quarters,
                            String total) {
    }

    /** The input VAT per quarter of a year (default: this year), net of reversals: the figures for the VAT return. */
    @Operation(summary = "Input VAT per quarter", operationId = "getInputVat")
    @GetMapping("/input-vat")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    InputVatResponse inputVat(@PathVariable CooperativeId cooperativeId, @RequestParam(required = false) Integer year) {
        BookReports.InputVatReturn vat = reports.inputVat(cooperativeId,
                year == null ? LocalDate.now(clock).getYear() : year);
        return new InputVatResponse(vat.year(), vat.total().currency().getCurrencyCode(), vat.vatRegistered(),
                vat.quarters().stream().map(q -> new QuarterResponse(q.quarter(), q.from(), q.to(),
                        q.inputVat().toString())).toList(), vat.total().toString());
    }

}
