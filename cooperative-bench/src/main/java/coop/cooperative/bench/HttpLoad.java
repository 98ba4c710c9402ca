package coop.cooperative.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator on the JDK's HTTP client: each of {@code clients} sends a request,
 * waits for the answer, and sends the next, for a warm-up and then for the measured time. Every
 * answer must have the expected status; any other fails the run, since a fast error is no figure.
 */
final class HttpLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Duration warmUp;
    private final Duration measured;

    HttpLoad(Duration warmUp, Duration measured) {
        this.warmUp = warmUp;
        this.measured = measured;
    }

    /** Runs the load; {@code request} makes the k-th request of a client (client index, request number). */
    Duration warmUp() {
        return warmUp;
    }

    Result run(int clients, int expectedStatus, RequestMaker request) throws Exception {
        drive(clients, expectedStatus, request, warmUp);
        return drive(clients, expectedStatus, request, measured);
    }

    private Result drive(int clients, int expectedStatus, RequestMaker request, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        AtomicLong sent = new AtomicLong();
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    HttpRequest next = request.make(client, sent.getAndIncrement()).build();
                    long before = System.nanoTime();
                    HttpResponse<String> response = http.send(next, HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - before);
                    if (response.statusCode() != expectedStatus) {
                        throw new IllegalStateException(next.method() + " " + next.uri() + " answered "
                                + response.statusCode() + ": " + response.body());
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        return new Result(all.size() / seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    static HttpRequest.Builder to(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    }

    /** Requests per second, and the latency's median and 99th percentile in milliseconds. */
    record Result(double perSecond, double p50Millis, double p99Millis) {
    }

    @FunctionalInterface
    interface RequestMaker {
        HttpRequest.Builder make(int client, long number);
    }
}
