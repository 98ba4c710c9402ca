package coop.cooperative.bench;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

/**
 * What a hand-written CRUD service would do with a shared cost: one plain JDBC insert of one row per
 * request, behind the same HTTP stack and the same sign-in (the app's security chain covers
 * {@code /api/**}). Added to the application by the bench only; the reference the API's figures are
 * compared with.
 */
@RestController
class CrudReference implements ApplicationRunner {

    private final JdbcClient jdbc;

    CrudReference(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.sql("CREATE TABLE IF NOT EXISTS bench_crud_costs (id UUID PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                + "amount DECIMAL(19, 2) NOT NULL, created_at TIMESTAMP NOT NULL)").update();
    }

    @PostMapping("/api/bench/crud-costs")
    ResponseEntity<Map<String, UUID>> insert(@RequestBody Map<String, String> cost) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO bench_crud_costs (id, description, amount, created_at) VALUES (?, ?, ?, ?)")
                .params(id, cost.get("description"), new BigDecimal(cost.get("amount")),
                        new Timestamp(System.currentTimeMillis()))
                .update();
        return ResponseEntity.created(URI.create("/api/bench/crud-costs/" + id)).body(Map.of("id", id));
    }
}
