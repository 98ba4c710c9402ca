package coop.cooperative.app.audit;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.web.Csv;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.audit.AuditQueries.AuditEntries;
import coop.cooperative.projections.audit.AuditQueries.AuditEntry;
import coop.cooperative.projections.audit.AuditQueries.AuditKinds;
import coop.cooperative.projections.audit.AuditQueries.FindAuditEntries;
import coop.cooperative.projections.audit.AuditQueries.FindAuditKinds;
import coop.cooperative.projections.audit.AuditQueries.FindMemberNumbers;
import coop.cooperative.projections.audit.AuditQueries.MemberNumbers;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a cooperative's audit trail for the signed-in reader, for the API and the page alike.
 * Admins and treasurers read all of it (they may see who claims, never why: no claim reason is in
 * the trail); any other member reads only what concerns them or what they did.
 */
@Service
public class AuditTrail {

    public static final int PAGE_SIZE = 50;
    /** The CSV holds at most this many entries, newest first; a narrower filter gives the older ones. */
    static final int CSV_LIMIT = 100_000;

    private final QueryGateway queries;
    private final CooperativeAccess access;
    private final MemberProfiles profiles;
    private final AuditWords words;
    private final Clock clock;

    AuditTrail(QueryGateway queries, CooperativeAccess access, MemberProfiles profiles, AuditWords words, Clock clock) {
        this.queries = queries;
        this.access = access;
        this.profiles = profiles;
        this.words = words;
        this.clock = clock;
    }

    /** One entry as the reader reads it. {@code personId}: the member who did it, if a member did. */
    public record AuditLine(Instant at, String time, String person, MemberId personId, String kind, String kindName,
                            String text, MemberId memberId, String correlationId) {
    }

    /** A page of the trail: {@code page} counts from 0, {@code total} is the number of entries the filter finds. */
    public record AuditPage(int page, int size, long total, List<AuditLine> entries) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** Whether the reader sees the whole trail rather than only what concerns them. */
    public boolean readsAll(CooperativeId cooperativeId) {
        return access.holds(cooperativeId, "ADMIN") || access.holds(cooperativeId, "TREASURER");
    }

    public AuditPage page(CooperativeId cooperativeId, AuditFilter filter, int page, Locale locale) {
        AuditFilter visible = visibleTo(cooperativeId, filter);
        AuditEntries found = find(cooperativeId, visible, page * PAGE_SIZE, PAGE_SIZE);
        return new AuditPage(page, PAGE_SIZE, found.total(), lines(cooperativeId, found.entries(), locale));
    }

    /** The entries the filter finds as CSV, newest first, in the reader's language. */
    public String csv(CooperativeId cooperativeId, AuditFilter filter, Locale locale) {
        AuditFilter visible = visibleTo(cooperativeId, filter);
        List<AuditLine> lines = lines(cooperativeId, find(cooperativeId, visible, 0, CSV_LIMIT).entries(), locale);
        StringBuilder csv = new StringBuilder("time,person,person_id,kind,description,member_id,correlation_id\r\n");
        for (AuditLine line : lines) {
            csv.append(String.join(",", line.at().toString(), cell(line.person()), id(line.personId()), cell(line.kindName()),
                    cell(line.text()), id(line.memberId()), cell(line.correlationId()))).append("\r\n");
        }
        return csv.toString();
    }

    /** The kinds of event in the trail by name, with their words, for a filter to choose from. */
    public Map<String, String> kinds(CooperativeId cooperativeId, Locale locale) {
        Map<String, String> kinds = new LinkedHashMap<>();
        queries.query(new FindAuditKinds(cooperativeId), AuditKinds.class).join().kinds().stream()
                .sorted(Comparator.comparing(kind -> words.kind(kind, locale)))
                .forEach(kind -> kinds.put(kind, words.kind(kind, locale)));
        return kinds;
    }

    /** The people the reader may filter on: everyone's name for those who read all, else only themselves. */
    public Map<MemberId, String> people(CooperativeId cooperativeId) {
        Map<MemberId, String> names = profiles.names(cooperativeId);
        if (!readsAll(cooperativeId)) {
            MemberId me = access.currentMember(cooperativeId).map(MemberView::memberId).orElseThrow();
            return Map.of(me, names.getOrDefault(me, ""));
        }
        return names.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private AuditFilter visibleTo(CooperativeId cooperativeId, AuditFilter filter) {
        if (readsAll(cooperativeId)) {
            return filter;
        }
        MemberId me = access.currentMember(cooperativeId).map(MemberView::memberId)
                .orElseThrow(() -> new AccessDeniedException("Not a member of this cooperative"));
        if (filter.memberId() != null && !filter.memberId().equals(me)) {
            throw new AccessDeniedException("A member reads only the trail of what concerns them");
        }
        return filter.forMember(me);
    }

    private AuditEntries find(CooperativeId cooperativeId, AuditFilter filter, int offset, int limit) {
        Instant from = filter.from() == null ? null : filter.from().atStartOfDay(clock.getZone()).toInstant();
        Instant until = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Set<String> accounts = filter.memberId() == null ? Set.of()
                : profiles.membersByAccount(cooperativeId).entrySet().stream()
                .filter(e -> e.getValue().equals(filter.memberId())).map(Map.Entry::getKey).collect(Collectors.toSet());
        return queries.query(new FindAuditEntries(cooperativeId, from, until, filter.memberId(), accounts, filter.kind(),
                offset, limit), AuditEntries.class).join();
    }

    private List<AuditLine> lines(CooperativeId cooperativeId, List<AuditEntry> entries, Locale locale) {
        Map<MemberId, String> names = profiles.names(cooperativeId, locale);
        Map<String, MemberId> byAccount = profiles.membersByAccount(cooperativeId);
        Map<MemberId, Integer> numbers = queries.query(new FindMemberNumbers(cooperativeId), MemberNumbers.class).join().numbers();
        Function<MemberId, String> nameOf = member -> names.containsKey(member) ? names.get(member)
                : words.formerMember(numbers.get(member), locale);
        List<AuditLine> lines = new ArrayList<>();
        for (AuditEntry entry : entries) {
            MemberId actor = entry.actor() != null ? entry.actor() : byAccount.get(entry.userId());
            String person = actor != null ? nameOf.apply(actor)
                    : entry.userId() == null || entry.userId().equals("system") ? words.system(locale) : words.outsider(locale);
            lines.add(new AuditLine(entry.at(), words.time(entry.at(), locale), person, actor, entry.kind(),
                    words.kind(entry.kind(), locale), words.sentence(entry, person, nameOf, locale), entry.member(),
                    entry.correlationId()));
        }
        return lines;
    }

    private static String id(MemberId id) {
        return id == null ? "" : id.value().toString();
    }

    private static String cell(String text) {
        return text == null ? "" : Csv.cell(text);
    }
}
