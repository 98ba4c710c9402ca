package coop.cooperative.app.portability;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.OptionalLong;

/**
 * Whether the event being handled is the history of an imported cooperative: the policies and the
 * notifications act on what happens here, and the source installation has already acted on that
 * history (what its policies did is among the imported events), so they leave it alone.
 */
@Service
public class ImportedHistory {

    private final JdbcClient jdbc;

    ImportedHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True while an event processor handles one of this cooperative's imported events. */
    public boolean handlingImported(CooperativeId cooperativeId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Message<?> message = CurrentUnitOfWork.get().getMessage();
        if (!(message instanceof TrackedEventMessage<?> tracked) || tracked.trackingToken() == null) {
            return false;
        }
        OptionalLong position = tracked.trackingToken().position();
        return position.isPresent() && imported(cooperativeId, position.getAsLong());
    }

    /** Whether the event at this place in the store is part of this cooperative's imported history. */
    public boolean imported(CooperativeId cooperativeId, long globalIndex) {
        return jdbc.sql("SELECT COUNT(*) FROM cooperative_imports WHERE cooperative_id = ? AND last_global_index >= ?")
                .params(cooperativeId.value(), globalIndex)
                .query(Long.class).single() > 0;
    }
}
