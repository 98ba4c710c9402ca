package coop.cooperative.app.costs;

import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.FieldError;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.costs.Category;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** The request bodies of shared and recurring costs, and how their split is read. */
final class CostRequests {

    static final String CATEGORY = Category.PATTERN;
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("\\d{1,9}(\\.\\d{1,4})?");

    private CostRequests() {
    }

    record SplitRequest(@NotNull SplitMethod method,
                        @Size(max = 500) List<@NotNull MemberId> participants,
                        @Size(max = 500) List<@NotNull String> weights) {
    }

    record ShareCostRequest(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be one line") String description,
                            @NotNull String amount,
                            String vat,
                            @NotNull java.time.LocalDate date,
                            @NotNull @Pattern(regexp = CATEGORY, message = "must be a lowercase word such as insurance or software") String category,
                            MemberId paidBy,
                            @NotNull @Valid SplitRequest split) {
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /**
     * Reads the split: participants must be members of this cooperative (400 naming the entry
     * otherwise), weights plain decimals. An EQUAL split without participants stays open: the cost
     * is shared among everyone active on its date ({@link Split#amongActive}).
     * An HOURS split takes its weights from the hours each participant logged in the cost's month
     * ({@code hoursInMonth}; null where no single month applies, as for a recurring cost); without
     * participants it is everyone active who logged hours that month.
     */
    static Split split(SplitRequest request, Map<MemberId, MemberView> members, List<MemberId> activeOnDate,
                       Map<MemberId, BigDecimal> hoursInMonth, Currency currency) {
        if (request.method() == SplitMethod.HOURS) {
            return hoursSplit(request, members, activeOnDate, hoursInMonth);
        }
        List<MemberId> participants = request.participants() == null ? List.of() : request.participants();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            if (!members.containsKey(participants.get(i))) {
                errors.add(new FieldError("split.participants[" + i + "]", "is not a member of this cooperative"));
            }
        }
        List<String> texts = request.weights() == null ? List.of() : request.weights();
        List<BigDecimal> weights = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String field = "split.weights[" + i + "]";
            if (request.method() == SplitMethod.EXACT) {
                try {
                    weights.add(Amounts.notNegative(field, texts.get(i), currency).amount());
                } catch (InvalidRequestException e) {
                    errors.addAll(e.errors());
                }
            } else if (!PLAIN.matcher(texts.get(i)).matches()) {
                errors.add(new FieldError(field, "must be a plain number such as 2 or 12.5"));
            } else {
                weights.add(new BigDecimal(texts.get(i)));
            }
        }
        if (participants.isEmpty() && request.method() != SplitMethod.EQUAL) {
            errors.add(new FieldError("split.participants", "must name at least one participant for " + request.method()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Split(request.method(), participants, weights);
    }

    private static Split hoursSplit(SplitRequest request, Map<MemberId, MemberView> members,
                                    List<MemberId> activeOnDate, Map<MemberId, BigDecimal> hoursInMonth) {
        if (hoursInMonth == null) {
            throw new RuleViolation(Refusal.COST_HOURS_RECURRING, "A recurring cost cannot be split by HOURS: hours are read from one cost's "
                    + "month; share each occurrence by HOURS instead");
        }
        if (request.weights() != null && !request.weights().isEmpty()) {
            throw new InvalidRequestException("split.weights", "must be empty for HOURS: the weights are the hours "
                    + "each participant logged in the cost's month");
        }
        List<MemberId> participants = request.participants() == null || request.participants().isEmpty()
                ? activeOnDate.stream().filter(hoursInMonth::containsKey).toList()
                : request.participants();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            if (!members.containsKey(participants.get(i))) {
                errors.add(new FieldError("split.participants[" + i + "]", "is not a member of this cooperative"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (participants.isEmpty()) {
            throw new RuleViolation(Refusal.COST_NO_HOURS, "Nobody logged hours in the cost's month, so there is nothing to split by HOURS");
        }
        List<BigDecimal> hours = participants.stream().map(m -> hoursInMonth.getOrDefault(m, BigDecimal.ZERO)).toList();
        return new Split(SplitMethod.HOURS, participants, hours);
    }

    static Money amount(String text, Currency currency) {
        return Amounts.positive("amount", text, currency);
    }
}
