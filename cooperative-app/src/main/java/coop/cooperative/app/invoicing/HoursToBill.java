package coop.cooperative.app.invoicing;

import coop.cooperative.app.costs.BookRules;
import coop.cooperative.core.invoicing.api.BillableHours;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindUnbilledHours;
import coop.cooperative.projections.invoicing.InvoicingQueries.UnbilledEntry;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a draft from hours is made of, read from the views: the project's PROJECT hours in the period
 * that are on no invoice yet, each with its member's own hourly rate as it is when the invoice is
 * drafted, and the word its lines begin with in the client's language.
 */
@Component
class HoursToBill {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final QueryGateway queries;
    private final BookRules rules;
    private final MessageSource messages;

    HoursToBill(QueryGateway queries, BookRules rules, MessageSource messages) {
        this.queries = queries;
        this.rules = rules;
        this.messages = messages;
    }

    List<BillableHours> unbilled(CooperativeId cooperativeId, ProjectId projectId, LocalDate from, LocalDate to) {
        Map<MemberId, MemberView> members = rules.members(cooperativeId);
        List<UnbilledEntry> unbilled = queries.query(new FindUnbilledHours(cooperativeId, projectId, from, to),
                ResponseTypes.multipleInstancesOf(UnbilledEntry.class)).join();
        return unbilled.stream().map(entry -> new BillableHours(entry.entryId(), entry.memberId(), entry.date(),
                entry.hours(), entry.skill(), members.get(entry.memberId()).hourlyRate())).toList();
    }

    /**
     * "Uren" for a client in the Netherlands, "Hours" for any other: the invoice is a document the
     * client files, so its lines are in the client's language, not the treasurer's.
     */
    String hoursWord(Optional<ClientDetails> client) {
        boolean dutch = client.map(c -> "NL".equals(c.countryCode())).orElse(false);
        return messages.getMessage("invoicing.line.hours", null, dutch ? DUTCH : Locale.ENGLISH);
    }
}
