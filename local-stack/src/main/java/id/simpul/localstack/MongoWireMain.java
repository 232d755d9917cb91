package id.simpul.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a MongoDB-wire-protocol server (mongo-java-server). With {@code --file} it keeps data in an H2 MVStore file
 * that survives restarts and crashes (a write is answered once it is on disk, see {@link DurableH2Backend}); without
 * it, in memory. Options: {@code --port [--file] [--cache-mb N] [--slow-ms N] [--bind] [--exit-with-parent PID]}.
 */
public final class MongoWireMain {

    /**
     * Threads that serve connections. A durable write waits for its group commit on the thread that serves its
     * connection, so there are enough of them that connections rarely share one.
     */
    static final int WORKER_THREADS = 64;

    /**
     * The MVStore's page cache in MiB, by default its own 16. A cache of 256 MiB ran the server out of its 1 GiB heap
     * at 120,000 KIMs (the cache's size is an estimate of the pages' memory, not a bound); a larger cache needs a
     * larger heap ({@code SIMPUL_MONGO_JAVA_OPTS}).
     */
    static final int CACHE_MB = 16;

    /** Commands slower than this are logged with their shape (no values). */
    static final int SLOW_MS = 500;

    public static void main(String[] argv) throws IOException, InterruptedException {
        Args args = new Args(argv);
        ParentWatch.exitWith(args.optional("exit-with-parent", null));
        String file = args.optional("file", null);
        MongoBackend backend;
        if (file == null) {
            backend = new MemoryBackend();
        } else {
            Path path = Path.of(file).toAbsolutePath();
            Files.createDirectories(path.getParent());
            backend = DurableH2Backend.open(path, Integer.parseInt(args.optional("cache-mb", String.valueOf(CACHE_MB))),
                    Integer.parseInt(args.optional("slow-ms", String.valueOf(SLOW_MS))));
        }
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress(args.optional("bind", "127.0.0.1"), args.port("port")), 1, WORKER_THREADS);
        System.out.println("Mongo-wire server listening on " + server.getLocalAddress()
                + (file == null ? " (memory)" : " (H2 file " + file + ", durable writes, page cache "
                + args.optional("cache-mb", String.valueOf(CACHE_MB)) + " MiB)"));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // shutdown() closes the backend, which commits and syncs what is left.
            server.shutdown();
            stopped.countDown();
        }, "mongo-wire-shutdown"));
        stopped.await();
    }

    private MongoWireMain() {
    }
}
