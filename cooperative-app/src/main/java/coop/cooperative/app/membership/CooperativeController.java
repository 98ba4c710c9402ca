package coop.cooperative.app.membership;

import coop.cooperative.app.web.Skill;
import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.riskpool.api.PoolChangeDates;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

@Tag(name = "Cooperatives", description = "Founding a cooperative and reading its policies")
@RestController
@RequestMapping("/api/cooperatives")
class CooperativeController {

    private final Membership membership;
    private final CooperativeAccess access;
    private final Clock clock;

    CooperativeController(Membership membership, CooperativeAccess access, Clock clock) {
        this.membership = membership;
        this.access = access;
        this.clock = clock;
    }

    /** Found a cooperative; the caller becomes its first admin and treasurer. */
    @Operation(summary = "Found a cooperative", operationId = "foundCooperative")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping
    ResponseEntity<CooperativeResponse> found(@Valid @RequestBody FoundRequest request) {
        Currency currency = currency(request.currency());
        Money founderRate = request.founderHourlyRate() == null ? Money.zero(currency)
                : Amounts.notNegative("founderHourlyRate", request.founderHourlyRate(), currency);
        CooperativeId cooperativeId = membership.found(CooperativeAccess.signedIn(), request.name(), currency,
                request.founderSkills() == null ? List.of() : request.founderSkills(), founderRate, LocalDate.now(clock),
                Boolean.TRUE.equals(request.vatRegistered()), request.riskPoolChangeDates()).cooperativeId();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}").buildAndExpand(cooperativeId.value()).toUri())
                .body(CooperativeResponse.of(access.cooperative(cooperativeId)));
    }

    /** The cooperatives the caller is a member of. */
    @Operation(summary = "List the cooperatives I belong to", operationId = "listMyCooperatives")
    @GetMapping
    List<CooperativeResponse> mine() {
        return access.myCooperatives().stream().map(CooperativeResponse::of).toList();
    }

    @Operation(summary = "Get a cooperative and its policies", operationId = "getCooperative")
    @GetMapping("/{cooperativeId}")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    CooperativeResponse one(@PathVariable CooperativeId cooperativeId) {
        return CooperativeResponse.of(access.cooperative(cooperativeId));
    }

    private static Currency currency(String code) {
        if (code == null) {
            return Currency.getInstance("EUR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("currency", "is not an ISO 4217 currency code");
        }
    }

    /**
     * Currency defaults to EUR; the founder's skills and hourly rate may be given now or left empty;
     * {@code vatRegistered} (the policy) defaults to false, {@code riskPoolChangeDates} to QUARTER_START.
     */
    record FoundRequest(@NotBlank @Size(max = 200) String name,
                        @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter currency code such as EUR")
                        String currency,
                        @Size(max = 30) List<@NotNull @Skill String> founderSkills,
                        String founderHourlyRate,
                        Boolean vatRegistered,
                        PoolChangeDates riskPoolChangeDates) {
    }

    record CooperativeResponse(CooperativeId cooperativeId, String name, String currency, LocalDate foundedOn,
                               PoliciesResponse policies) {

        static CooperativeResponse of(CooperativeView view) {
            var p = view.policies();
            return new CooperativeResponse(view.cooperativeId(), view.name(), view.currency().getCurrencyCode(),
                    view.foundedOn(), new PoliciesResponse(p.secondApprovalAbove().toString(),
                    p.riskPoolMinimumMembers(), p.riskPoolMaximumMembers(), p.developmentBudgetPercent(),
                    p.maximumHoursPerWeek(), p.vatRegistered(), p.riskPoolChangeDates().name()));
        }
    }

    record PoliciesResponse(String secondApprovalAbove, int riskPoolMinimumMembers, int riskPoolMaximumMembers,
                            int developmentBudgetPercent, int maximumHoursPerWeek, boolean vatRegistered,
                            String riskPoolChangeDates) {
    }
}
