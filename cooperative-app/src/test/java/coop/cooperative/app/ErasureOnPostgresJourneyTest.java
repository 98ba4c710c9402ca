package coop.cooperative.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

/**
 * Erasing a departed member on PostgreSQL ({@link ErasureScenario}); the database dumped by reading
 * every column of every table of the schema as text, {@code bytea} decoded as UTF-8.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cooperative.admin.password=" + Api.ADMIN_PASSWORD)
@ActiveProfiles("postgres")
@Import({TestClock.class, PostgresJourneyTest.EmbeddedDatabase.class})
class ErasureOnPostgresJourneyTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDepartedMemberIsErasedAndNothingInTheDatabaseLeadsBackToThem() throws Exception {
        Api api = new Api(http);
        String cooperative = api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"Wisland\", \"currency\": \"EUR\"}")
                .text("cooperativeId");
        new ErasureScenario(api, http, jdbc, cooperative, this::dump).run();
    }

    private String dump() {
        StringBuilder out = new StringBuilder();
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name").query(String.class).list();
        for (String table : tables) {
            List<Column> columns = jdbc.sql("SELECT column_name, data_type FROM information_schema.columns "
                            + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")
                    .param(table).query((rs, i) -> new Column(rs.getString(1), rs.getString(2))).list();
            String select = String.join(", ", columns.stream().map(c -> "\"" + c.name() + "\"::text").toList());
            jdbc.sql("SELECT " + select + " FROM \"" + table + "\"").query(rs -> {
                out.append(table);
                for (int i = 0; i < columns.size(); i++) {
                    String value = rs.getString(i + 1);
                    out.append(" | ").append(value);
                    if (value != null && columns.get(i).type().equals("bytea") && value.startsWith("\\x")) {
                        out.append(" | ").append(ErasureScenario.decodeHex(value.substring(2)));
                    }
                }
                out.append('\n');
            });
        }
        return out.toString();
    }

    private record Column(String name, String type) {
    }
}
