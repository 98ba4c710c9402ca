package coop.cooperative.projections.audit;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The queries the audit read model answers, and the views it answers with. */
public final class AuditQueries {

    private AuditQueries() {
    }

    /**
     * A page of a cooperative's trail, newest first. Every filter may be null. {@code member}: only
     * the entries that concern this member (name them, or a cost they paid or share in) or that they caused, under their member id or through one
     * of {@code accountsOfMember} (the accounts their actions are stamped with).
     */
    public record FindAuditEntries(CooperativeId cooperativeId, Instant from, Instant until, MemberId member,
                                   Set<String> accountsOfMember, String kind, int offset, int limit) {
    }

    public record AuditEntries(List<AuditEntry> entries, long total) {
    }

    /**
     * One event in the trail, by its event's identifier. {@code userId}: the account in the event's metadata ("system" for work
     * the application started itself); {@code actor}: the member the event names as acting, if it
     * does; {@code member}: the member the event concerns, if any; {@code facts}: its values by name.
     */
    public record AuditEntry(String eventId, Instant at, String kind, String userId, MemberId actor, MemberId member,
                             String correlationId, Map<String, AuditFact> facts) {
    }

    /** The kinds of event in a cooperative's trail, by name. */
    public record FindAuditKinds(CooperativeId cooperativeId) {
    }

    public record AuditKinds(List<String> kinds) {
    }

    /** Each member's number in the order they joined, to name one whose name was erased. */
    public record FindMemberNumbers(CooperativeId cooperativeId) {
    }

    public record MemberNumbers(Map<MemberId, Integer> numbers) {
    }
}
