package coop.cooperative.app.axon;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * How a processor whose token has gaps (positions taken by transactions not yet committed, or
 * rolled back) reads the next events: those after its position, and those that filled a gap since.
 * Axon asks for both in one {@code WHERE (range) OR global_index IN (gaps)}, which H2 answers by
 * reading the whole event table, every time (39 ms per read at 300,000 events, against 1 ms).
 * Two index lookups joined by {@code UNION ALL} read only the rows asked for, on either database.
 * A token's gaps all lie below its position, so the two parts never hold the same event.
 */
final class TrackedEventsWithGapsQuery implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                   List<Long> gaps) throws SQLException {
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String index = schema.globalIndexColumn();
        String after = select + index + " > ? AND " + index + " <= ?";
        String filled = select + index + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")";
        String sql = (gaps.isEmpty() ? after : after + " UNION ALL " + filled) + " ORDER BY " + index + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }
}
