package coop.cooperative.app.erasure;

import coop.cooperative.app.books.BookReports;
import coop.cooperative.app.membership.MemberFingerprints;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.membership.Members;
import coop.cooperative.core.membership.api.MembershipCommands.EraseMember;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindRiskPool;
import coop.cooperative.projections.riskpool.RiskPoolQueries.RiskPoolView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

/**
 * Erases a departed member (GDPR article 17). The cooperative decides ({@code EraseMember}: only a
 * member who left, has no open risk-pool claim and a balance of zero in the books, and only once);
 * in the same transaction as its {@code MemberErased}, everything beside the event store that names
 * the person goes ({@link PersonalData}): a crash leaves either both or neither.
 */
@Service
public class Erasure {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Members members;
    private final MemberProfiles profiles;
    private final MemberFingerprints fingerprints;
    private final BookReports books;
    private final PersonalData personalData;

    Erasure(CommandGateway commands, QueryGateway queries, Members members, MemberProfiles profiles,
            MemberFingerprints fingerprints, BookReports books, PersonalData personalData) {
        this.commands = commands;
        this.queries = queries;
        this.members = members;
        this.profiles = profiles;
        this.fingerprints = fingerprints;
        this.books = books;
        this.personalData = personalData;
    }

    /** Erases the member; answers how they are named from now on, in {@code locale}: "former member N". */
    @Transactional
    public Erased erase(CooperativeId cooperativeId, MemberId memberId, Locale locale) {
        members.get(cooperativeId, memberId);
        boolean openClaim = queries.query(new FindRiskPool(cooperativeId), RiskPoolView.class).join().claims().stream()
                .anyMatch(claim -> claim.memberId().equals(memberId) && claim.isOpen());
        // every posting, whatever its date: what the member is owed or owes is settled first
        Money balance = books.balance(cooperativeId, memberId, Dates.LATEST);
        commands.sendAndWait(new EraseMember(cooperativeId, memberId, openClaim, balance));

        fingerprints.forget(memberId);
        personalData.fingerprint(cooperativeId, memberId);
        personalData.snapshots(cooperativeId);
        personalData.claimReasons(memberId);
        personalData.invitations(memberId);
        personalData.formerAccounts(memberId);
        profiles.erase(memberId).ifPresent(erased -> personalData.person(erased.email(), erased.accountId()));
        return new Erased(memberId, profiles.names(cooperativeId, locale).get(memberId));
    }

    /** {@code erasedAs}: how pages, the books and the trail name the member now. */
    public record Erased(MemberId memberId, String erasedAs) {
    }
}
