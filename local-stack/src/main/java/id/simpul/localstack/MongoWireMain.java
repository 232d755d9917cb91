package id.simpul.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a MongoDB-wire-protocol server (mongo-java-server). With {@code --file} it keeps data in an H2 MVStore file
 * that survives restarts; without it, in memory. Options: {@code --port [--file] [--bind] [--exit-with-parent PID]}.
 */
public final class MongoWireMain {

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
            backend = new H2Backend(path.toString());
        }
        MongoServer server = new MongoServer(backend);
        server.bind(args.optional("bind", "127.0.0.1"), args.port("port"));
        System.out.println("Mongo-wire server listening on " + server.getLocalAddress()
                + (file == null ? " (memory)" : " (H2 file " + file + ")"));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // shutdown() closes the backend, which flushes the H2 store to disk.
            server.shutdown();
            stopped.countDown();
        }, "mongo-wire-shutdown"));
        stopped.await();
    }

    private MongoWireMain() {
    }
}
