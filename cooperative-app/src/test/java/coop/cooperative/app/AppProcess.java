package coop.cooperative.app;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application started with this test's classpath in a JVM of its own, so a test can kill it as
 * a crash would. Its output goes to the given log file under target/.
 */
record AppProcess(Process process, int port, Path log) {

    static AppProcess start(List<String> settings, Path workingDirectory, String logName) throws IOException {
        String port = settings.stream().filter(s -> s.startsWith("--server.port=")).findFirst().orElseThrow()
                .substring("--server.port=".length());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", applicationClassPath(),
                CooperativeApplication.class.getName()));
        command.addAll(settings);
        Path log = Path.of("target", logName).toAbsolutePath();
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new AppProcess(process, Integer.parseInt(port), log);
    }

    /**
     * This test's classpath without Axon's test fixtures: they register a parameter resolver that
     * resolves any handler parameter, so with them a handler the real application cannot call
     * (a Spring bean its aggregate factory does not know) would start here and fail in production.
     */
    private static String applicationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("axon-test"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    void awaitUp(Duration limit) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
        await().atMost(limit).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            assertThat(process.isAlive()).as("the application is running (see %s)", log).isTrue();
            return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the application gets no chance to flush, release or finish anything. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
