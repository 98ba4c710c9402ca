package coop.cooperative.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the whole store with one plain SELECT and parses every payload: the reference for a replay. */
record PlainRead(DataSource dataSource, ObjectMapper json) {

    double eventsPerSecond() throws SQLException, IOException {
        long start = System.nanoTime();
        long count = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT global_index, payload_type, payload FROM domain_event_entry ORDER BY global_index")) {
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                        rows.getString(2);
                        json.readTree(rows.getBytes(3));
                        count++;
                    }
                }
            }
            c.commit();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
