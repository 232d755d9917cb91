package id.simpul.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.simpul.contracts.CloudEventHeaders;
import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.regions.Region;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static id.simpul.bench.BenchSystem.HTTP;
import static id.simpul.bench.BenchSystem.JSON;
import static id.simpul.bench.BenchSystem.get;
import static id.simpul.bench.BenchSystem.seconds;

/**
 * Loads reporting-service's dashboard on a system started as ./simpul does (H2-backed Mongo-wire server, real Kafka,
 * the three service jars): publishes synthetic KIMs (20,000 by default, in real villages of every province) straight
 * to Kafka, then a programme with its trainings, enrolments, attendance and outputs, and prints how fast reporting
 * projects them, how long the figures take to compute, the latency of the dashboard API and of its live stream, and
 * the processes' memory.
 *
 * <p>Run: {@code ./simpul bench dashboard [kims]}.
 */
public final class DashboardBenchmark {

    private static final String SOURCE = "/simpul/bench";
    private static final String FIGURES_TIMER = "simpul.reporting.figures.compute";
    private static final String READ_TIMER = "simpul.reporting.rows.read";
    private static final List<String> ENDPOINTS = List.of("/api/dashboard/summary", "/api/dashboard/regions/63",
            "/api/dashboard/regions/63.03.05", "/api/dashboard/programmes", "/api/exports/regions.csv");
    private static final int REQUESTS = 300;
    private static final int CLIENTS = 4;
    /** Enough messages for a p99 that is not simply the slowest one. */
    private static final int LIVE_KIMS = 100;
    private static final int TRAININGS = 100;
    private static final int SEATS_PER_TRAINING = 8;
    /** The programme's target provinces, as in its contract example; its trainings enrol KIMs there. */
    private static final List<String> TARGET_PROVINCES = List.of("63", "91");
    private static final List<String> FOCUS_AREAS = List.of("UMKM", "TOURISM", "AGRICULTURE", "FISHERIES", "HEALTH",
            "EDUCATION", "LITERACY", "CULTURE", "ENVIRONMENT", "PUBLIC_SERVICES", "DIGITAL_ECONOMY", "OTHER");
    private static final List<String> MEDIA = List.of("WEBSITE", "INSTAGRAM", "FACEBOOK", "YOUTUBE", "TIKTOK", "WHATSAPP",
            "RADIO", "BULLETIN");
    /** Each payload type is checked against its published schema once, on the first event of the type. */
    private static final Set<String> VALIDATED = ConcurrentHashMap.newKeySet();

    /** A synthetic KIM as published. */
    record Kim(String id, String villageCode, String status) {

        boolean mayEnrol() {
            return status.equals("ACTIVE") || status.equals("VERIFIED");
        }
    }

    /** What a phase of events adds to the national summary. */
    private record Expected(long trainings, long enrolled, long attended, long outputs) {
    }

    /** reporting's timers as the actuator reports them: figures computed from memory, and full reads of the rows. */
    private record Timing(Reading computed, Reading read) {
    }

    private record Reading(long count, double totalSeconds, double maxSeconds) {
    }

    /**
     * What a run measured: how fast reporting projected {@code kims} KIM events, the live stream's delay, the figures'
     * computation while it ran (mean and max), and the KIMs published.
     */
    record Outcome(int kims, double eventsPerSecond, double countedSeconds, Latencies live, double figuresMeanMs,
                   double figuresMaxMs, List<Kim> published) {
    }

    public static void main(String[] args) throws Exception {
        int kims = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long began = System.nanoTime();
        try (BenchSystem system = BenchSystem.start()) {
            run(system, kims);
            system.printMemory();
            System.out.printf("Benchmark took %.1f min%n", seconds(began) / 60);
        }
    }

    static Outcome run(BenchSystem system, int kims) throws Exception {
        String reporting = system.url("reporting-service");
        long baseline = system.settledKimTotal(30);
        Random random = new Random(2026);
        RegionDataset regions = RegionDataset.load();
        List<List<String>> villages = villagesByProvince(regions, random);

        try (KafkaProducer<String, byte[]> producer = producer(system.config.kafkaBootstrap())) {
            System.out.printf("Publishing %,d KIMs to %s (%d provinces); %,d KIMs counted before%n", kims, Topics.KIMS,
                    villages.size(), baseline);
            Timing before = timing(reporting);
            List<Kim> published = new ArrayList<>(kims);
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start = System.nanoTime();
            for (int i = 0; i < kims; i++) {
                List<String> province = villages.get(i % villages.size());
                Kim kim = new Kim(UUID.randomUUID().toString(), province.get(i / villages.size() % province.size()),
                        status(random));
                published.add(kim);
                publish(producer, Topics.KIMS, EventTypes.KIM_REGISTERED, kim.id(), kimRegistered(kim, i, random), failure);
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("Kafka refused a KIM event", failure.get());
            }
            double publishSeconds = seconds(start);
            long counted = awaitTotal(system, baseline + kims, start, kims);
            double countedSeconds = seconds(start);
            double eventsPerSecond = kims / countedSeconds;
            Timing during = timing(reporting);

            System.out.println();
            System.out.printf("Published (acknowledged)   %8.1f s  (%,.0f events/s)%n", publishSeconds, kims / publishSeconds);
            System.out.printf("Counted by reporting       %8.1f s after the first publish  (%,.0f events/s projected; "
                    + "%,d KIMs in all)%n", countedSeconds, eventsPerSecond, counted);
            printTiming("", "meanwhile", before, during);

            JsonNode beforeProgramme = system.summary();
            start = System.nanoTime();
            Expected expected = publishProgramme(producer, regions, published, random);
            awaitProgramme(system, beforeProgramme, expected);
            System.out.printf("Programme: %,d trainings, %,d enrolments, %,d present, %,d outputs counted %.1f s after "
                            + "publishing%n", expected.trainings(), expected.enrolled(), expected.attended(), expected.outputs(),
                    seconds(start));

            System.out.println();
            System.out.printf("Dashboard API, %d requests per endpoint from %d concurrent clients (after 20 to warm up):%n",
                    REQUESTS, CLIENTS);
            System.out.printf("  %-34s %7s %7s %7s %7s %8s %9s%n", "endpoint", "p50 ms", "p95 ms", "p99 ms", "max ms",
                    "req/s", "size");
            for (String endpoint : ENDPOINTS) {
                load(reporting, endpoint);
            }

            System.out.println();
            Timing beforeLive = timing(reporting);
            Latencies live = live(system, producer, villages, kims, random);
            Timing afterLive = timing(reporting);
            printTiming("  ", "meanwhile", beforeLive, afterLive);

            System.out.println();
            printTiming("", "in all", new Timing(new Reading(0, 0, 0), new Reading(0, 0, 0)), timing(reporting));
            long computations = afterLive.computed().count() - beforeLive.computed().count();
            double figuresMean = computations == 0 ? Double.NaN
                    : (afterLive.computed().totalSeconds() - beforeLive.computed().totalSeconds()) / computations * 1000;
            return new Outcome(kims, eventsPerSecond, countedSeconds, live, figuresMean,
                    afterLive.computed().maxSeconds() * 1000, published);
        }
    }

    // ---- the events

    /** Every village of each province, shuffled, so that consecutive KIMs land in different provinces and districts. */
    static List<List<String>> villagesByProvince(RegionDataset regions, Random random) {
        List<List<String>> provinces = new ArrayList<>();
        for (Region province : regions.children(null)) {
            List<String> villages = new ArrayList<>();
            collectVillages(regions, province, villages);
            Collections.shuffle(villages, random);
            provinces.add(villages);
        }
        return provinces;
    }

    private static void collectVillages(RegionDataset regions, Region region, List<String> villages) {
        if (region.level() == RegionLevel.VILLAGE) {
            villages.add(region.code());
            return;
        }
        regions.children(region.code()).forEach(child -> collectVillages(regions, child, villages));
    }

    /** Mostly active, verified or submitted, as a registry a few years into the programme would hold. */
    private static String status(Random random) {
        int draw = random.nextInt(100);
        return draw < 45 ? "ACTIVE" : draw < 70 ? "VERIFIED" : draw < 92 ? "SUBMITTED" : "CANDIDATE";
    }

    static Map<String, Object> kimRegistered(Kim kim, int number, Random random) {
        List<String> areas = new ArrayList<>(FOCUS_AREAS);
        Collections.shuffle(areas, random);
        List<String> mediaTypes = new ArrayList<>(MEDIA);
        Collections.shuffle(mediaTypes, random);
        List<Map<String, Object>> media = new ArrayList<>();
        for (String type : mediaTypes.subList(0, random.nextInt(4))) {
            media.add(Map.of("type", type, "address", "@kim.bench" + number, "followers", random.nextInt(5000)));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kimId", kim.id());
        event.put("version", 1);
        event.put("name", "KIM Bench " + number);
        event.put("villageCode", kim.villageCode());
        event.put("status", kim.status());
        event.put("focusAreas", areas.subList(0, 1 + random.nextInt(3)));
        event.put("mediaChannels", media);
        event.put("memberCount", 10 + random.nextInt(40));
        event.put("foundedOn", "2024-01-15");
        event.put("registeredAt", Instant.now().toString());
        return event;
    }

    /**
     * A programme over {@link #TARGET_PROVINCES} with a partner and {@link #TRAININGS} completed trainings, each
     * enrolling KIMs of those provinces, three quarters of them present and half of those reporting an output. Every
     * training event carries the training's next version.
     */
    private static Expected publishProgramme(KafkaProducer<String, byte[]> producer, RegionDataset regions, List<Kim> kims,
                                             Random random) throws Exception {
        List<Kim> candidates = kims.stream().filter(k -> k.mayEnrol() && TARGET_PROVINCES.contains(k.villageCode().substring(0, 2)))
                .toList();
        if (candidates.size() < SEATS_PER_TRAINING) {
            System.out.println("Too few KIMs in the programme's provinces for trainings; skipping them");
            return new Expected(0, 0, 0, 0);
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        String programmeId = UUID.randomUUID().toString();
        ObjectNode programme = example(EventTypes.PROGRAMME_CREATED);
        programme.put("programmeId", programmeId).put("title", "Bench: KIM Cegah Stunting").put("createdAt", Instant.now().toString());
        publish(producer, Topics.PROGRAMMES, EventTypes.PROGRAMME_CREATED, programmeId, programme, failure);
        String partnerId = UUID.randomUUID().toString();
        ObjectNode partner = example(EventTypes.PARTNER_REGISTERED);
        partner.put("partnerId", partnerId).put("registeredAt", Instant.now().toString());
        publish(producer, Topics.PARTNERS, EventTypes.PARTNER_REGISTERED, partnerId, partner, failure);

        Instant firstStart = Instant.parse("2026-12-10T01:00:00Z");
        long attended = 0;
        long outputs = 0;
        for (int t = 0; t < TRAININGS; t++) {
            String trainingId = UUID.randomUUID().toString();
            int version = 0;
            List<Kim> seats = new ArrayList<>();
            for (int s = 0; s < SEATS_PER_TRAINING; s++) {
                seats.add(candidates.get(random.nextInt(candidates.size())));
            }
            Region venue = regions.find(seats.getFirst().villageCode()).orElseThrow();
            Instant start = firstStart.plus(t % 60, ChronoUnit.DAYS);
            // As training-service does: drafted first (which makes the training known), then scheduled.
            for (String type : List.of(EventTypes.TRAINING_DRAFTED, EventTypes.TRAINING_SCHEDULED)) {
                ObjectNode described = trainingEvent(type, trainingId, ++version, programmeId);
                described.put("title", "Pembekalan KIM bench " + t).put("venueRegionCode", venue.code())
                        .put("timeZone", venue.timeZone().name())
                        .put("start", start.toString()).put("end", start.plus(6, ChronoUnit.HOURS).toString())
                        .put("localStart", local(start, venue)).put("localEnd", local(start.plus(6, ChronoUnit.HOURS), venue))
                        .put("capacity", SEATS_PER_TRAINING * 2)
                        .put(type.equals(EventTypes.TRAINING_DRAFTED) ? "draftedAt" : "scheduledAt", Instant.now().toString());
                publish(producer, Topics.TRAININGS, type, trainingId, described, failure);
            }
            ObjectNode joined = trainingEvent(EventTypes.PARTNER_JOINED, trainingId, ++version, programmeId);
            joined.put("invitationId", UUID.randomUUID().toString()).put("partnerId", partnerId);
            publish(producer, Topics.TRAININGS, EventTypes.PARTNER_JOINED, trainingId, joined, failure);
            ObjectNode attendance = trainingEvent(EventTypes.ATTENDANCE_RECORDED, trainingId, 0, programmeId);
            attendance.putArray("attendees");
            for (int s = 0; s < seats.size(); s++) {
                Kim kim = seats.get(s);
                String enrolmentId = UUID.randomUUID().toString();
                ObjectNode enrolled = trainingEvent(EventTypes.PARTICIPANT_ENROLLED, trainingId, ++version, programmeId);
                enrolled.put("enrolmentId", enrolmentId).put("kimId", kim.id()).put("villageCode", kim.villageCode())
                        .put("enrolledAt", Instant.now().toString());
                publish(producer, Topics.TRAININGS, EventTypes.PARTICIPANT_ENROLLED, trainingId, enrolled, failure);
                if (s % 4 != 3) {
                    attendance.withArray("attendees").addObject().put("enrolmentId", enrolmentId).put("kimId", kim.id());
                }
            }
            attendance.put("version", ++version).put("recordedAt", start.plus(5, ChronoUnit.HOURS).toString());
            publish(producer, Topics.TRAININGS, EventTypes.ATTENDANCE_RECORDED, trainingId, attendance, failure);
            ObjectNode completed = trainingEvent(EventTypes.TRAINING_COMPLETED, trainingId, ++version, programmeId);
            completed.put("attendees", attendance.withArray("attendees").size())
                    .put("completedAt", start.plus(7, ChronoUnit.HOURS).toString());
            publish(producer, Topics.TRAININGS, EventTypes.TRAINING_COMPLETED, trainingId, completed, failure);
            attended += attendance.withArray("attendees").size();

            for (JsonNode attendee : attendance.withArray("attendees")) {
                if (random.nextBoolean()) {
                    Kim kim = seats.stream().filter(k -> k.id().equals(attendee.path("kimId").asText())).findFirst().orElseThrow();
                    String outputId = UUID.randomUUID().toString();
                    ObjectNode output = example(EventTypes.OUTPUT_REPORTED);
                    output.put("outputId", outputId).put("programmeId", programmeId).put("trainingId", trainingId)
                            .put("kimId", kim.id()).put("villageCode", kim.villageCode())
                            .put("url", "https://instagram.com/p/kim-bench-" + outputId)
                            .put("peopleReached", 100 + random.nextInt(2000))
                            .put("reportedAt", start.plus(2, ChronoUnit.DAYS).toString());
                    publish(producer, Topics.OUTPUTS, EventTypes.OUTPUT_REPORTED, outputId, output, failure);
                    outputs++;
                }
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused a programme event", failure.get());
        }
        return new Expected(TRAININGS, (long) TRAININGS * SEATS_PER_TRAINING, attended, outputs);
    }

    private static ObjectNode trainingEvent(String type, String trainingId, int version, String programmeId) throws IOException {
        ObjectNode event = example(type);
        event.put("trainingId", trainingId).put("version", version).put("programmeId", programmeId);
        return event;
    }

    /** The published example of {@code type}, to fill in. */
    private static ObjectNode example(String type) throws IOException {
        return (ObjectNode) JSON.readTree(EventSchemas.example(type));
    }

    private static String local(Instant instant, Region venue) {
        return LocalDateTime.ofInstant(instant, venue.timeZone().zone()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    // ---- Kafka

    /** Idempotent, acknowledged by every in-sync replica, batched: as the services' outbox relays publish. */
    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "simpul-bench"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes one CloudEvent (binary mode, as eventing's CloudEventRecords writes them); a failure lands in {@code failure}. */
    static Future<RecordMetadata> publish(KafkaProducer<String, byte[]> producer, String topic, String type,
                                                  String key, Object payload, AtomicReference<Exception> failure)
            throws IOException {
        byte[] json = JSON.writeValueAsBytes(payload);
        if (VALIDATED.add(type)) {
            List<String> problems = EventSchemas.validate(type, new String(json, StandardCharsets.UTF_8));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The bench's " + type + " breaks its schema: " + problems);
            }
        }
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(headers, CloudEventHeaders.TYPE, type);
        header(headers, CloudEventHeaders.SOURCE, SOURCE);
        header(headers, CloudEventHeaders.TIME, Instant.now().toString());
        header(headers, CloudEventHeaders.SUBJECT, key);
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return producer.send(new ProducerRecord<>(topic, null, key, json, headers), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    // ---- measuring

    /** Polls the summary until it counts {@code wanted} KIMs, printing progress every 10 s; the count reached. */
    private static long awaitTotal(BenchSystem system, long wanted, long since, int publishing) throws Exception {
        long lastPrint = System.nanoTime();
        long counted;
        Stall stall = new Stall(system);
        while ((counted = system.kimTotal()) < wanted) {
            stall.check(counted);
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf("  %6.1f s: reporting counts %,d of %,d%n", seconds(since),
                        publishing - (wanted - counted), publishing);
            }
            Thread.sleep(100);
        }
        return counted;
    }

    private static void awaitProgramme(BenchSystem system, JsonNode before, Expected expected) throws Exception {
        JsonNode now = before;
        Stall stall = new Stall(system);
        while (now.path("trainings").path("total").asLong() < before.path("trainings").path("total").asLong() + expected.trainings()
                || now.path("participants").path("enrolled").asLong() < before.path("participants").path("enrolled").asLong() + expected.enrolled()
                || now.path("participants").path("attended").asLong() < before.path("participants").path("attended").asLong() + expected.attended()
                || now.path("outputs").path("count").asLong() < before.path("outputs").path("count").asLong() + expected.outputs()) {
            Thread.sleep(100);
            now = system.summary();
            stall.check(now.toString());
        }
    }

    /** Ends the benchmark with the reason when reporting's figures stop moving for two minutes before they are reached. */
    private static final class Stall {
        private final BenchSystem system;
        private Object last;
        private long since = System.nanoTime();

        Stall(BenchSystem system) {
            this.system = system;
        }

        void check(Object progress) throws Exception {
            if (!progress.equals(last)) {
                last = progress;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > 120_000_000_000L) {
                JsonNode letters = JSON.readTree(get(system.url("reporting-service") + "/api/admin/dead-letters?status=WAITING&size=3"));
                throw new IllegalStateException("reporting's figures have not moved for two minutes; dead letters waiting: "
                        + letters.path("totalItems").asLong() + " " + letters.path("items"));
            }
        }
    }

    /** {@link #REQUESTS} GETs of {@code path} from {@link #CLIENTS} clients at once; prints their latency. */
    private static void load(String reporting, String path) throws Exception {
        URI uri = URI.create(reporting + path);
        IntFunction<HttpRequest> get = i -> HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build();
        Load.run(20, 1, get, 200, null);
        Load.Result result = Load.run(REQUESTS, CLIENTS, get, 200, null);
        if (result.firstUnexpected() != null) {
            throw new IllegalStateException(result.firstUnexpected());
        }
        Latencies latencies = result.latencies();
        System.out.printf("  %-34s %7.1f %7.1f %7.1f %7.1f %8.0f %6.0f kB%n", path, latencies.ms(50), latencies.ms(95),
                latencies.ms(99), latencies.ms(100), result.perSecond(), result.lastBytes() / 1024.0);
    }

    /**
     * Listens to the dashboard stream and publishes {@link #LIVE_KIMS} KIMs 300 to 500 ms apart (at random, so that
     * they do not keep step with the figures' own interval); for each, the time from Kafka's acknowledgement to the
     * first message whose national total includes it.
     */
    private static Latencies live(BenchSystem system, KafkaProducer<String, byte[]> producer, List<List<String>> villages,
                             int numbered, Random random) throws Exception {
        LiveTotals stream = LiveTotals.open(system.url("reporting-service") + "/api/dashboard/stream");
        long total = system.kimTotal();
        stream.await(total, Duration.ofSeconds(60));
        long[] latencies = new long[LIVE_KIMS];
        long[] acks = new long[LIVE_KIMS];
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = 0; i < LIVE_KIMS; i++) {
            List<String> province = villages.get(random.nextInt(villages.size()));
            Kim kim = new Kim(UUID.randomUUID().toString(), province.get(random.nextInt(province.size())), "ACTIVE");
            long sent = System.nanoTime();
            publish(producer, Topics.KIMS, EventTypes.KIM_REGISTERED, kim.id(), kimRegistered(kim, numbered + i, random), failure).get();
            long acked = System.nanoTime();
            acks[i] = acked - sent;
            latencies[i] = Math.max(0, stream.await(total + i + 1, Duration.ofSeconds(120)) - acked);
            Thread.sleep(300 + random.nextInt(200));
        }
        stream.close();
        System.out.printf("Live stream (/api/dashboard/stream), %d KIMs published 300-500 ms apart, %d messages heard:%n",
                LIVE_KIMS, stream.messages());
        Latencies delays = Latencies.of(latencies);
        Latencies acknowledged = Latencies.of(acks);
        System.out.printf("  Kafka ack → SSE message  p50 %6.0f ms  p95 %6.0f ms  p99 %6.0f ms  max %6.0f ms%n", delays.ms(50),
                delays.ms(95), delays.ms(99), delays.ms(100));
        System.out.printf("  publish → Kafka ack      p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", acknowledged.ms(50),
                acknowledged.ms(95), acknowledged.ms(100));
        return delays;
    }

    /** The national KIM totals a {@code /api/dashboard/stream} client hears, with when it heard each. */
    private static final class LiveTotals {

        private final List<long[]> heard = Collections.synchronizedList(new ArrayList<>());
        private final String url;
        private volatile Stream<String> lines;
        private volatile boolean closed;
        /** How often the server ended the stream and the reader opened it again. */
        private volatile int reopened;

        private LiveTotals(String url) {
            this.url = url;
        }

        static LiveTotals open(String url) throws Exception {
            LiveTotals totals = new LiveTotals(url);
            totals.connect();
            Thread reader = new Thread(totals::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
            return totals;
        }

        private void connect() throws Exception {
            HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            lines = response.body();
        }

        /** Reads messages until closed; a stream the server ends is opened again, so that the delays stay measurable. */
        private void read() {
            while (!closed) {
                try {
                    lines.filter(line -> line.startsWith("data:")).forEach(line -> {
                        long at = System.nanoTime();
                        try {
                            long total = JSON.readTree(line.substring(5)).path("summary").path("kims").path("total").asLong();
                            heard.add(new long[] {total, at});
                        } catch (IOException e) {
                            throw new IllegalStateException("Unreadable stream message: " + line, e);
                        }
                    });
                    if (!closed) {
                        System.err.println("The dashboard stream ended after " + heard.size() + " messages; opening it again");
                        reopened++;
                        connect();
                    }
                } catch (Exception e) {
                    if (!closed) {
                        System.err.println("The dashboard stream broke off: " + e);
                        return;
                    }
                }
            }
        }

        /** When the first message counting at least {@code total} KIMs arrived (System.nanoTime). */
        long await(long total, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (heard) {
                    for (long[] message : heard) {
                        if (message[0] >= total) {
                            return message[1];
                        }
                    }
                }
                Thread.sleep(5);
            }
            long[] last;
            synchronized (heard) {
                last = heard.isEmpty() ? null : heard.getLast();
            }
            throw new IllegalStateException("The dashboard stream did not count " + total + " KIMs within " + timeout + "; "
                    + heard.size() + " messages heard, the last " + (last == null ? "none"
                    : "counting " + last[0] + ", " + (System.nanoTime() - last[1]) / 1_000_000_000 + " s ago")
                    + "; opened again " + reopened + " times");
        }

        int messages() {
            return heard.size();
        }

        void close() {
            closed = true;
            lines.close();
        }
    }

    private static Timing timing(String reporting) throws Exception {
        return new Timing(reading(reporting, FIGURES_TIMER), reading(reporting, READ_TIMER));
    }

    private static Reading reading(String reporting, String timer) throws Exception {
        JsonNode metric = JSON.readTree(get(reporting + "/actuator/metrics/" + timer));
        Map<String, Double> values = new LinkedHashMap<>();
        metric.path("measurements").forEach(m -> values.put(m.path("statistic").asText(), m.path("value").asDouble()));
        return new Reading(values.getOrDefault("COUNT", 0.0).longValue(), values.getOrDefault("TOTAL_TIME", 0.0),
                values.getOrDefault("MAX", 0.0));
    }

    /** Count and mean between two readings of the timer; max as the timer reports it (its last two minutes or so). */
    private static void printTiming(String indent, String when, Timing from, Timing to) {
        printReading(String.format("%-45s", indent + "Figures computed from memory " + when), from.computed(), to.computed());
        printReading(String.format("%-45s", indent + "Read models read afresh " + when), from.read(), to.read());
    }

    private static void printReading(String label, Reading from, Reading to) {
        long count = to.count() - from.count();
        double mean = count == 0 ? 0 : (to.totalSeconds() - from.totalSeconds()) / count;
        System.out.printf("%s %,6d times, mean %,6.0f ms, max %,6.0f ms%n", label, count, mean * 1000, to.maxSeconds() * 1000);
    }

}
