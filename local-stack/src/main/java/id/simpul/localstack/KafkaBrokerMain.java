package id.simpul.localstack;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Runs a single-node Apache Kafka broker in KRaft mode (broker and controller in one process), formatting its
 * storage on first start. Options: {@code --data-dir --port --controller-port [--host] [--exit-with-parent PID]}.
 */
public final class KafkaBrokerMain {

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        ParentWatch.exitWith(args.optional("exit-with-parent", null));
        Path dataDir = Path.of(args.required("data-dir")).toAbsolutePath();
        Path logDir = dataDir.resolve("logs");
        Files.createDirectories(logDir);

        Path config = dataDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            serverProperties(args, logDir).store(out, "Written by " + KafkaBrokerMain.class.getName());
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            String clusterId = Uuid.randomUuid().toString();
            int formatted = kafka.tools.StorageTool.execute(
                    new String[] {"format", "--cluster-id", clusterId, "--config", config.toString(), "--ignore-formatted"},
                    System.out);
            if (formatted != 0) {
                throw new IllegalStateException("Formatting Kafka storage in " + logDir + " failed (exit " + formatted + ")");
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Properties serverProperties(Args args, Path logDir) {
        int port = args.port("port");
        int controllerPort = args.port("controller-port");
        String host = args.optional("host", "localhost");
        String bind = args.optional("bind", "127.0.0.1");
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + bind + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + bind + ":" + port + ",CONTROLLER://" + bind + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        // One node: every internal topic has a single replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("num.partitions", "6");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        // Sized for one node on two cores: the log cleaner (which compacts the consumer offsets) keeps its dedupe
        // buffer on the heap, 128 MiB by default, and the request threads are as many as the cores can run.
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("background.threads", "4");
        return p;
    }

    private KafkaBrokerMain() {
    }
}
