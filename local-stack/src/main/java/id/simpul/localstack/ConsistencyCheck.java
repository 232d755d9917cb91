package id.simpul.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.simpul.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code ./simpul check}: compares what each store holds with what the topics carry and with what the other services
 * keep of it, aggregate by aggregate, id by id, and prints the differences. The owner's store is the truth: an id on a
 * topic that its store does not hold is a lost write; a store's change that is neither on the topic nor waiting in the
 * outbox was never published; a view that lacks an id, holds one the store does not, or holds an older version than
 * the topic has missed or invented something. Events published more than once (the same {@code ce_id}) are counted
 * apart: consumers ignore the copies. Differences that go away while the check repeats (events in flight) are not
 * reported.
 */
public final class ConsistencyCheck {

    /** Each topic's aggregates, the service that owns them, and the services that keep a view of them. */
    record Aggregate(String name, String topic, String owner, List<String> viewers) {
    }

    static final List<Aggregate> AGGREGATES = List.of(
            new Aggregate("kims", Topics.KIMS, "registry-service", List.of("training-service", "reporting-service")),
            new Aggregate("programmes", Topics.PROGRAMMES, "training-service", List.of("reporting-service")),
            new Aggregate("partners", Topics.PARTNERS, "training-service", List.of("reporting-service")),
            new Aggregate("trainings", Topics.TRAININGS, "training-service", List.of("reporting-service")),
            new Aggregate("outputs", Topics.OUTPUTS, "training-service", List.of("reporting-service")));

    /** One thing that does not agree. */
    public record Difference(String aggregates, String id, String what) {
        @Override
        public String toString() {
            return aggregates + " " + id + ": " + what;
        }
    }

    /**
     * What the check found: per aggregate, how many ids each holder has ({@code topic} for the topic), the
     * differences, the events published more than once, and the records on the topic that its owner did not publish.
     */
    public record Result(Map<String, Map<String, Integer>> counts, List<Difference> differences,
                         Map<String, Integer> republished, Map<String, Integer> foreign, Map<String, Long> deadLettersWaiting) {

        public boolean consistent() {
            return differences.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String kafkaBootstrap;
    private final Map<String, String> serviceUrls;
    private final java.util.function.Supplier<String> token;
    private String bearer;

    /** {@code token} gives the bearer token the reports are read with (null: anonymously). */
    public ConsistencyCheck(String kafkaBootstrap, Map<String, String> serviceUrls, java.util.function.Supplier<String> token) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.serviceUrls = Map.copyOf(serviceUrls);
        this.token = token;
    }

    /**
     * The check of the system {@code config} describes, reading the reports as an operator: the user
     * {@code SIMPUL_CHECK_USER} (the demo user {@code operator} by default) with {@code SIMPUL_CHECK_PASSWORD} (the demo
     * password by default), signed in at identity-service as {@code ./simpul token} does.
     */
    public static ConsistencyCheck of(LocalStackConfig config) {
        Map<String, String> urls = new LinkedHashMap<>();
        config.services().forEach(service -> urls.put(service, "http://localhost:" + config.port(service)));
        String user = System.getenv().getOrDefault("SIMPUL_CHECK_USER", "operator");
        String password = System.getenv().getOrDefault("SIMPUL_CHECK_PASSWORD", SignIn.DEMO_PASSWORD);
        return new ConsistencyCheck(config.kafkaBootstrap(), urls, () -> SignIn.accessToken(config.identityIssuer(), user, password));
    }

    /**
     * Checks up to {@code attempts} times, {@code pause} apart, until nothing differs; a difference counts only when
     * it is there every time (events still on their way between two services are not differences).
     */
    public Result run(int attempts, Duration pause) {
        Result result = once();
        Set<Difference> persistent = new HashSet<>(result.differences());
        for (int attempt = 1; attempt < attempts && !persistent.isEmpty(); attempt++) {
            sleep(pause);
            result = once();
            persistent.retainAll(result.differences());
        }
        List<Difference> differences = result.differences().stream().filter(persistent::contains).toList();
        return new Result(result.counts(), differences, result.republished(), result.foreign(), result.deadLettersWaiting());
    }

    /** One comparison of everything, as it stands. */
    Result once() {
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        Map<String, Long> waiting = new LinkedHashMap<>();
        for (Map.Entry<String, String> service : serviceUrls.entrySet()) {
            JsonNode report = get(service.getValue() + "/api/admin/consistency", bearer());
            reports.put(service.getKey(), report);
            if (report.hasNonNull("deadLettersWaiting")) {
                waiting.put(service.getKey(), report.get("deadLettersWaiting").asLong());
            }
        }
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        List<Difference> differences = new ArrayList<>();
        Map<String, Integer> republished = new LinkedHashMap<>();
        Map<String, Integer> foreign = new LinkedHashMap<>();
        for (Aggregate aggregate : AGGREGATES) {
            TopicContent topic = read(aggregate.topic(),
                    reports.get(aggregate.owner()).path("source").asText("/simpul/" + aggregate.owner()));
            JsonNode store = reports.get(aggregate.owner()).path("stores").path(aggregate.name());
            Map<String, Long> stored = versions(store);
            Set<String> pending = new HashSet<>();
            store.path("pending").forEach(id -> pending.add(id.asText()));

            Map<String, Integer> holders = new LinkedHashMap<>();
            holders.put(aggregate.owner(), stored.size());
            holders.put("topic", topic.versions().size());
            compareStoreWithTopic(aggregate, stored, pending, topic, differences);
            for (String viewer : aggregate.viewers()) {
                Map<String, Long> view = versions(reports.get(viewer).path("views").path(aggregate.name()));
                holders.put(viewer, view.size());
                compareViewWithStore(aggregate, viewer, view, stored, topic, differences);
            }
            counts.put(aggregate.name(), holders);
            republished.put(aggregate.name(), topic.republished());
            foreign.put(aggregate.name(), topic.foreign());
        }
        return new Result(counts, differences, republished, foreign, waiting);
    }

    private static void compareStoreWithTopic(Aggregate aggregate, Map<String, Long> stored, Set<String> pending,
                                              TopicContent topic, List<Difference> differences) {
        for (Map.Entry<String, Long> published : topic.versions().entrySet()) {
            Long version = stored.get(published.getKey());
            if (version == null) {
                differences.add(new Difference(aggregate.name(), published.getKey(), "on " + aggregate.topic()
                        + " (version " + published.getValue() + ") but not in " + aggregate.owner() + "'s store: a lost write"));
            } else if (published.getValue() > version) {
                differences.add(new Difference(aggregate.name(), published.getKey(), aggregate.topic() + " has version "
                        + published.getValue() + ", " + aggregate.owner() + "'s store only " + version + ": a lost write"));
            }
        }
        for (Map.Entry<String, Long> held : stored.entrySet()) {
            Long published = topic.versions().get(held.getKey());
            if (pending.contains(held.getKey())) {
                continue;
            }
            if (published == null) {
                differences.add(new Difference(aggregate.name(), held.getKey(), "in " + aggregate.owner()
                        + "'s store (version " + held.getValue() + ") but never published, and nothing waits in its outbox"));
            } else if (held.getValue() != null && published < held.getValue()) {
                differences.add(new Difference(aggregate.name(), held.getKey(), aggregate.owner() + "'s store has version "
                        + held.getValue() + ", " + aggregate.topic() + " only " + published + ", and nothing waits in its outbox"));
            }
        }
    }

    private static void compareViewWithStore(Aggregate aggregate, String viewer, Map<String, Long> view,
                                             Map<String, Long> stored, TopicContent topic, List<Difference> differences) {
        for (Map.Entry<String, Long> published : topic.versions().entrySet()) {
            String id = published.getKey();
            if (!stored.containsKey(id)) {
                continue;
            }
            Long held = view.get(id);
            if (held == null) {
                differences.add(new Difference(aggregate.name(), id, "published (version " + published.getValue()
                        + ") but missing in " + viewer));
            } else if (held < Math.min(published.getValue(), stored.get(id))) {
                differences.add(new Difference(aggregate.name(), id, viewer + " holds version " + held + ", "
                        + aggregate.topic() + " has " + published.getValue()));
            }
        }
        for (Map.Entry<String, Long> held : view.entrySet()) {
            Long version = stored.get(held.getKey());
            if (version == null) {
                differences.add(new Difference(aggregate.name(), held.getKey(), "in " + viewer + " (version "
                        + held.getValue() + ") but not in " + aggregate.owner() + "'s store"));
            } else if (held.getValue() != null && held.getValue() > version) {
                differences.add(new Difference(aggregate.name(), held.getKey(), viewer + " holds version "
                        + held.getValue() + ", ahead of " + aggregate.owner() + "'s store (" + version + ")"));
            }
        }
    }

    private static Map<String, Long> versions(JsonNode holding) {
        Map<String, Long> versions = new HashMap<>();
        holding.path("versions").fields().forEachRemaining(e ->
                versions.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asLong() : null));
        return versions;
    }

    /**
     * What a topic carries from its owner: per key, the highest aggregate version; how many records repeat an event
     * id; and how many records came from elsewhere (another {@code ce_source}), which no store answers for.
     */
    record TopicContent(Map<String, Long> versions, int republished, int foreign) {
    }

    TopicContent read(String topic, String source) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.CLIENT_ID_CONFIG, "simpul-check"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<String, Long> versions = new HashMap<>();
            Set<String> eventIds = new HashSet<>();
            int republished = 0;
            int foreign = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    Header from = record.headers().lastHeader("ce_source");
                    if (from == null || !source.equals(new String(from.value(), StandardCharsets.UTF_8))) {
                        foreign++;
                        continue;
                    }
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null && !eventIds.add(new String(id.value(), StandardCharsets.UTF_8))) {
                        republished++;
                    }
                    Long version = version(record.value());
                    if (record.key() != null && version != null) {
                        versions.merge(new String(record.key(), StandardCharsets.UTF_8), version, Math::max);
                    }
                }
            }
            return new TopicContent(versions, republished, foreign);
        }
    }

    private static Long version(byte[] value) {
        try {
            JsonNode payload = JSON.readTree(value);
            return payload.path("version").isNumber() ? payload.get("version").asLong() : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Signed in once per check (a token lasts longer than a check). */
    private synchronized String bearer() {
        if (bearer == null && token != null) {
            bearer = token.get();
        }
        return bearer;
    }

    private static JsonNode get(String url, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + " cannot be read (does Simpul run? ./simpul status): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The result as {@code ./simpul check} prints it. */
    public static String describe(Result result, int shown) {
        StringBuilder out = new StringBuilder();
        List<String> columns = new ArrayList<>(List.of("registry-service", "topic", "training-service", "reporting-service"));
        out.append(String.format(Locale.ROOT, "%-12s", ""));
        columns.forEach(c -> out.append(String.format(Locale.ROOT, "%19s", c)));
        out.append(String.format(Locale.ROOT, "%17s%17s%n", "published twice", "not the owner's"));
        result.counts().forEach((aggregate, holders) -> {
            out.append(String.format(Locale.ROOT, "%-12s", aggregate));
            columns.forEach(c -> out.append(holders.containsKey(c)
                    ? String.format(Locale.ROOT, "%,19d", holders.get(c)) : String.format(Locale.ROOT, "%19s", "-")));
            out.append(String.format(Locale.ROOT, "%,17d%,17d%n", result.republished().getOrDefault(aggregate, 0),
                    result.foreign().getOrDefault(aggregate, 0)));
        });
        result.deadLettersWaiting().forEach((service, count) ->
                out.append(String.format(Locale.ROOT, "Dead letters waiting in %s: %,d (GET /api/admin/dead-letters)%n", service, count)));
        if (result.consistent()) {
            out.append("No differences: every store, topic and view agrees, id by id.\n");
            return out.toString();
        }
        out.append(String.format(Locale.ROOT, "%,d differences:%n", result.differences().size()));
        Map<String, List<Difference>> byAggregate = new TreeMap<>();
        result.differences().forEach(d -> byAggregate.computeIfAbsent(d.aggregates(), a -> new ArrayList<>()).add(d));
        byAggregate.forEach((aggregate, list) -> {
            new TreeSet<>(list.stream().map(Difference::toString).toList()).stream().limit(shown)
                    .forEach(line -> out.append("  ").append(line).append('\n'));
            if (list.size() > shown) {
                out.append(String.format(Locale.ROOT, "  … and %,d more of %s%n", list.size() - shown, aggregate));
            }
        });
        return out.toString();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
