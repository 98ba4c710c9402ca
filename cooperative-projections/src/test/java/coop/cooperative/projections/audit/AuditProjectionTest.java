package coop.cooperative.projections.audit;

import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.projections.ProjectionDatabase;
import coop.cooperative.projections.audit.AuditQueries.AuditEntry;
import coop.cooperative.projections.audit.AuditQueries.FindAuditEntries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static coop.cooperative.projections.Given.ANNA;
import static coop.cooperative.projections.Given.BRAM;
import static coop.cooperative.projections.Given.eur;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's entries as the processor hands events over, including out of the store's order:
 * with two writers at once, an event may commit after a later one was read, and it reaches the
 * handler at the later one's position (the gap it fills is below the token's index), so an entry is
 * known by its event's identifier.
 */
class AuditProjectionTest {

    private static final CooperativeId COOPERATIVE = new CooperativeId(UUID.randomUUID());
    private static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

    private final ProjectionDatabase database = new ProjectionDatabase();
    private final AuditProjection audit = new AuditProjection(database.jdbc());

    @AfterEach
    void dropTheDatabase() {
        database.close();
    }

    private static MemberJoined joined(coop.cooperative.core.shared.MemberId member) {
        return new MemberJoined(COOPERATIVE, member, "fingerprint", List.of("ux"), eur("80.00"), LocalDate.of(2026, 3, 1));
    }

    private List<AuditEntry> trail() {
        return audit.handle(new FindAuditEntries(COOPERATIVE, null, null, null, Set.of(), null, 0, 50)).entries();
    }

    @Test
    void anEventThatFillsAGapKeepsItsOwnEntryBesideTheLaterOne() {
        // event 6 is read first, leaving 5 as a gap; then 5 commits and is read (at the token's position 6)
        audit.on(joined(BRAM), "event-6", AT, "account-1", "request-6");
        audit.on(joined(ANNA), "event-5", AT, "account-1", "request-5");

        // both are in the trail; of the same moment, in the order of their identifiers, as on any installation
        assertThat(trail()).extracting(AuditEntry::member).containsExactly(BRAM, ANNA);
    }

    @Test
    void aRedeliveredEventReplacesItsEntry() {
        audit.on(joined(ANNA), "event-3", AT, "account-1", "request-3");
        audit.on(joined(ANNA), "event-3", AT, "account-1", "request-3");

        assertThat(trail()).hasSize(1);
    }
}
