package id.simpul.bench;

import id.simpul.localstack.LocalStackConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static id.simpul.bench.BenchSystem.seconds;

/**
 * Every benchmark on one system of its own, each Simpul figure beside the raw limit of the very Mongo-wire server and
 * Kafka broker it runs on (measured just before the workloads) and beside its goal: start-up and idle memory, the raw
 * limits, imports, single registrations from 8 and 32 connections, listing KIMs by region at every level, reporting's
 * projection, figures and live stream at {@code kims} KIMs, 500 enrolments at once, and memory after the load.
 *
 * <p>Run: {@code ./simpul bench all [kims]} (100,000 by default; 20,000 for a quicker run).
 */
public final class SuiteBenchmark {

    private static final int SMALL_IMPORT = 20_000;
    private static final int REGISTRATIONS = 1_000;
    private static final int ENROLMENTS = 500;
    private static final int SEATS = 400;
    private static final double READY_GOAL_SECONDS = 10;
    private static final long MEMORY_GOAL_MIB = 2048;
    /** The processes the start-up goal is about: the Spring Boot services, web and identity-service included. */
    private static final List<String> SERVICES = List.of(LocalStackConfig.IDENTITY, "registry-service", "training-service",
            "reporting-service", LocalStackConfig.WEB);

    /** One line of the summary: what, Simpul's figure, the raw limit it is held against, their ratio, the goal. */
    private record Line(String what, String figure, String limit, String ratio, String goal, Boolean met) {
    }

    private final List<Line> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int kims = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 100_000;
        long began = System.nanoTime();
        try (BenchSystem system = BenchSystem.start()) {
            new SuiteBenchmark().run(system, kims);
        }
        System.out.printf("The suite took %.1f min%n", seconds(began) / 60);
    }

    private void run(BenchSystem system, int kims) throws Exception {
        system.settledKimTotal(30);
        List<BenchSystem.Startup> startups = system.startups();
        System.out.println();
        System.out.println("Start to ready (from the JVM's start; services: also Spring Boot's own 'process running for'):");
        for (BenchSystem.Startup startup : startups) {
            System.out.printf("  %-18s ready after %5.1f s%s%n", startup.component(), startup.readySeconds(),
                    Double.isNaN(startup.springStartedSeconds()) ? "" : String.format("  (started after %.1f s)", startup.springStartedSeconds()));
        }
        Map<String, Long> idle = system.printMemory("idle, once started and the seeds are counted");
        // The goal's start-up: each service started alone on the two cores, the others idling.
        System.out.println("Each service stopped and started again alone, the rest idling:");
        List<BenchSystem.Startup> alone = new ArrayList<>();
        for (String service : SERVICES) {
            BenchSystem.Startup startup = system.restartAlone(service);
            alone.add(startup);
            System.out.printf("  %-18s ready after %5.1f s  (started after %.1f s)%n", service, startup.readySeconds(),
                    startup.springStartedSeconds());
        }
        system.settledKimTotal(30);

        RawLimits.Rates raw = RawLimits.measure(system);

        System.out.println();
        List<Integer> imports = kims > SMALL_IMPORT ? List.of(SMALL_IMPORT, kims) : List.of(kims);
        for (int rows : imports) {
            KimImportBenchmark.Imported imported = KimImportBenchmark.run(system, rows);
            rate(String.format("Import of %,d rows (CSV)", rows), imported.rowsPerSecond(), "rows/s", raw.insertMany(),
                    "insertMany", 0.5);
            System.out.println();
        }

        for (int connections : List.of(8, 32)) {
            KimRegistrationBenchmark.Registered registered = KimRegistrationBenchmark.run(system, connections, REGISTRATIONS);
            double insertOne = raw.insertOne().get(connections);
            rate(String.format("POST /api/kims, %d connections", connections), registered.result().perSecond(), "req/s",
                    insertOne, "insertOne ×" + connections, 0.5);
            lines.add(new Line("  its latency", latencies(registered.result().latencies()), "", "", "", null));
        }

        System.out.println();
        String village = KimRegistrationBenchmark.villages(system.root()).getFirst();
        for (KimListBenchmark.Listed listed : KimListBenchmark.run(system, village)) {
            Latencies l = listed.result().latencies();
            lines.add(new Line(String.format("GET /api/kims?region= %s (%,d KIM%s)", listed.level(), listed.kims(),
                    listed.kims() == 1 ? "" : "s"),
                    String.format("p50 %.1f, p99 %.1f ms", l.ms(50), l.ms(99)),
                    String.format("find by _id p50 %.1f, p99 %.1f ms", raw.findLatency().ms(50), raw.findLatency().ms(99)),
                    String.format("%.0f×", l.ms(99) / raw.findLatency().ms(99)), "p99 ≤ 50 ms", l.ms(99) <= 50));
        }

        System.out.println();
        DashboardBenchmark.Outcome dashboard = DashboardBenchmark.run(system, kims);
        double upsert = raw.upsert().get(4);
        rate(String.format("Projection of %,d KIM events (reporting)", kims), dashboard.eventsPerSecond(), "events/s", upsert,
                "upsert by _id ×4", 0.5);
        lines.add(new Line("Figures per change (mean computation)", String.format("%.0f ms (max %.0f ms)", dashboard.figuresMeanMs(),
                dashboard.figuresMaxMs()), "", "", "≤ 10 ms", dashboard.figuresMeanMs() <= 10));
        Latencies live = dashboard.live();
        lines.add(new Line(String.format("Live stream delay (%d KIMs)", live.sorted().length),
                String.format("p50 %.0f, p99 %.0f ms", live.ms(50), live.ms(99)),
                String.format("Kafka send → consume p99 %.1f ms", raw.endToEnd().ms(99)), "", "p99 ≤ 250 ms", live.ms(99) <= 250));

        System.out.println();
        List<String> eligible = dashboard.published().stream()
                .filter(k -> k.mayEnrol() && k.villageCode().startsWith(EnrolmentBenchmark.PROVINCE + "."))
                .map(DashboardBenchmark.Kim::id).toList();
        if (eligible.isEmpty()) {
            System.out.println("No VERIFIED or ACTIVE KIM in province " + EnrolmentBenchmark.PROVINCE + "; no enrolments");
        } else {
            EnrolmentBenchmark.Enrolled enrolled = EnrolmentBenchmark.run(system, eligible, ENROLMENTS, SEATS);
            double upsertOne = raw.upsert().get(1);
            lines.add(new Line(String.format("%d enrolments at once, %d seats", ENROLMENTS, SEATS),
                    String.format("%,.0f req/s; %s", enrolled.result().perSecond(), enrolled.byStatus()),
                    String.format("upsert by _id ×1 %,.0f/s", upsertOne),
                    percent(enrolled.result().perSecond() / upsertOne), "", null));
            lines.add(new Line("  its latency", latencies(enrolled.result().latencies()), "", "", "", null));
        }

        System.out.println();
        Map<String, Long> loaded = system.printMemory("after the load");
        long idleTotal = idle.values().stream().mapToLong(Long::longValue).sum();
        long loadedTotal = loaded.values().stream().mapToLong(Long::longValue).sum();
        lines.add(new Line("RSS of the whole stack, idle", String.format("%,d MiB", idleTotal), "", "",
                String.format("≤ %,d MiB", MEMORY_GOAL_MIB),
                idleTotal <= MEMORY_GOAL_MIB));
        lines.add(new Line("RSS of the whole stack, after the load", String.format("%,d MiB", loadedTotal), "", "", "", null));
        for (BenchSystem.Startup startup : startups) {
            lines.add(new Line("Ready after its JVM started, all at once: " + startup.component(),
                    String.format("%.1f s", startup.readySeconds()), "", "", "", null));
        }
        for (BenchSystem.Startup startup : alone) {
            lines.add(new Line("Ready after its JVM started, alone: " + startup.component(),
                    String.format("%.1f s", startup.readySeconds()), "", "", "≤ 10 s", startup.readySeconds() <= READY_GOAL_SECONDS));
        }
        print(kims);
    }

    private void rate(String what, double figure, String unit, double limit, String limitName, double goal) {
        double ratio = figure / limit;
        lines.add(new Line(what, String.format("%,.0f %s", figure, unit), String.format("%s %,.0f/s", limitName, limit),
                percent(ratio), String.format("≥ %.0f %%", goal * 100), ratio >= goal));
    }

    private static String percent(double ratio) {
        return String.format("%.0f %%", ratio * 100);
    }

    private static String latencies(Latencies l) {
        return String.format("p50 %.0f, p95 %.0f, p99 %.0f ms", l.ms(50), l.ms(95), l.ms(99));
    }

    private void print(int kims) {
        System.out.println();
        System.out.printf("Summary at %,d KIMs (%d cores):%n", kims, Runtime.getRuntime().availableProcessors());
        int[] widths = {44, 40, 36, 6, 13};
        for (Line line : lines) {
            widths[0] = Math.max(widths[0], line.what().length());
            widths[1] = Math.max(widths[1], line.figure().length());
            widths[2] = Math.max(widths[2], line.limit().length());
        }
        String format = "| %-" + widths[0] + "s | %-" + widths[1] + "s | %-" + widths[2] + "s | %" + widths[3] + "s | %-"
                + widths[4] + "s | %-4s |%n";
        System.out.printf(format, "what", "Simpul", "raw limit", "ratio", "goal", "met");
        System.out.printf(format, "---", "---", "---", "---", "---", "---");
        for (Line line : lines) {
            System.out.printf(format, line.what(), line.figure(), line.limit(), line.ratio(), line.goal(),
                    line.met() == null ? "" : line.met() ? "yes" : "no");
        }
    }
}
