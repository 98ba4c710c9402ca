package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A write acknowledged is a write kept: the app on its embedded default (an H2 file, with the
 * settings it ships with) is killed with SIGKILL while clients write, five times, and after each
 * restart every member whose join was answered 201 is there. H2's default write delay lost some.
 */
class KilledAppTest {

    private static final int ROUNDS = 5;
    private static final int CLIENTS = 4;
    private static final int JOINS_BEFORE_KILL = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path workingDirectory;
    private AppProcess app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void everyAcknowledgedJoinSurvivesFiveKills() throws Exception {
        int port = freePort();
        app = start(port);
        JsonNode founded = send(port, "POST", "/api/cooperatives", "{\"name\": \"De Kring\"}");
        assertThat(founded.path("status").asInt()).isEqualTo(201);
        String members = "/api/cooperatives/" + founded.path("body").path("cooperativeId").asText() + "/members";

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 1; round <= ROUNDS; round++) {
            joinUntilKilled(port, members, round, acknowledged);

            app = start(port);
            int kill = round;
            List<String> missing = new ArrayList<>(acknowledged);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                missing.removeIf(member -> send(port, "GET", members + "/" + member, null).path("status").asInt() == 200);
                assertThat(missing).as("acknowledged joins missing after kill %d", kill).isEmpty();
            });
            System.out.printf("kill %d: %d joins acknowledged in all, 0 lost%n", round, acknowledged.size());
        }
    }

    /** Clients join members until the app is killed, in the middle of their work once ten more were answered. */
    private void joinUntilKilled(int port, String members, int round, Set<String> acknowledged) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                for (int j = 0; !killed.get(); j++) {
                    String email = "r" + round + "c" + client + "n" + j + "@kring.example";
                    JsonNode joined = send(port, "POST", members, """
                            {"name": "Lid %s", "email": "%s", "skills": ["devops"], "hourlyRate": "80.00",
                             "joinedOn": "2026-01-05"}""".formatted(email, email));
                    if (joined.path("status").asInt() == 201) {
                        acknowledged.add(joined.path("body").path("memberId").asText());
                    }
                }
                return null;
            }));
        }
        int before = acknowledged.size();
        await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= before + JOINS_BEFORE_KILL);
        app.kill();
        killed.set(true);
        for (Future<?> client : running) {
            client.get(1, TimeUnit.MINUTES);
        }
        clients.shutdown();
    }

    private AppProcess start(int port) throws IOException {
        List<String> settings = new ArrayList<>(List.of("--server.port=" + port,
                "--cooperative.admin.password=" + Api.ADMIN_PASSWORD));
        // the shipped datasource URL (./data under the working directory), unless a run asks to compare another
        String url = System.getProperty("killed-app.datasource-url", "");
        if (!url.isBlank()) {
            settings.add("--spring.datasource.url=" + url);
        }
        AppProcess started = AppProcess.start(settings, workingDirectory, "killed-app.log");
        started.awaitUp(Duration.ofSeconds(120));
        return started;
    }

    /** Status and body of one request as the installation's administrator; status -1 if it got no answer. */
    private JsonNode send(int port, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return JSON.createObjectNode().put("status", response.statusCode())
                    .set("body", response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            return JSON.createObjectNode().put("status", -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JSON.createObjectNode().put("status", -1);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
