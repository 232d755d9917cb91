package id.simpul.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/** A number of HTTP requests sent by a number of clients at once, each client on its own connection. */
final class Load {

    /**
     * What the requests met: their latencies, requests per second over the whole run, the size of the last answer, how
     * many answered with each status, and the first answer that was not the expected status.
     */
    record Result(Latencies latencies, double perSecond, int lastBytes, Map<Integer, Integer> statuses, String firstUnexpected) {

        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }
    }

    private Load() {
    }

    /**
     * Sends {@code requests} requests, the i-th built by {@code request}, from {@code clients} clients at once; each
     * answer is handed to {@code answers} (which may be null).
     */
    static Result run(int requests, int clients, IntFunction<HttpRequest> request, int expected,
                      Consumer<HttpResponse<byte[]>> answers) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger bytes = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicReference<String> unexpected = new AtomicReference<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        HttpRequest sent = request.apply(i);
                        long at = System.nanoTime();
                        HttpResponse<byte[]> answer = BenchSystem.HTTP.send(sent, HttpResponse.BodyHandlers.ofByteArray());
                        latencies[i] = System.nanoTime() - at;
                        bytes.set(answer.body().length);
                        statuses.merge(answer.statusCode(), 1, Integer::sum);
                        if (answer.statusCode() != expected) {
                            unexpected.compareAndSet(null, sent.method() + " " + sent.uri() + " answered " + answer.statusCode()
                                    + ": " + new String(answer.body(), StandardCharsets.UTF_8));
                        }
                        if (answers != null) {
                            answers.accept(answer);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> client : done) {
                client.get();
            }
        }
        return new Result(Latencies.of(latencies), requests / BenchSystem.seconds(start), bytes.get(), Map.copyOf(statuses),
                unexpected.get());
    }
}
