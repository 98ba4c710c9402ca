package coop.cooperative.app;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsJourneyTest extends HttpJourney {

    @Test
    void theAdministratorSeesAxonsMetricsInPrometheusAndOthersDoNot() {
        joinWithLogin("Kees Prins", "kees@gilde.example", "kees-secret-password");

        ResponseEntity<String> asAdministrator = prometheus(Api.ADMIN, Api.ADMIN_PASSWORD);
        ResponseEntity<String> asMember = prometheus("kees@gilde.example", "kees-secret-password");
        ResponseEntity<String> anonymous = prometheus(null, null);

        assertThat(asAdministrator.getStatusCode().value()).isEqualTo(200);
        assertThat(asAdministrator.getBody()).contains("command_bus_success_total", "command_bus_success_timer_seconds",
                "query_bus_success_total", "event_store_", "event_processor_success_total",
                "cooperative_projection_behind");
        // Without Axon's latency monitor on the processors, and without its capacity monitors (MessageMetrics).
        assertThat(asAdministrator.getBody()).doesNotContain("event_processor_latency", "event_processor_capacity", "command_bus_capacity",
                "query_bus_capacity");
        assertThat(asMember.getStatusCode().value()).isEqualTo(403);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    }

    private ResponseEntity<String> prometheus(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        return http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
