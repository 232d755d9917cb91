package id.simpul.localstack;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * mongo-java-server's H2 (MVStore) backend, made durable: a command that changes data is answered only once its
 * change is written to the file and forced to the disk, so an acknowledged write survives {@code kill -9} of this
 * process and a machine crash.
 *
 * <p>Out of the box the MVStore commits in the background once a second and never forces the file to disk, so the
 * last second of acknowledged writes is lost by a crash. Here auto-commit is off and one committer thread does group
 * commits: it waits until no command is half-applied (MVStore writes a document and each of its index entries as
 * separate map updates), commits everything applied so far, forces the file, and then answers every command that
 * change covered. Writes that arrive during a commit go into the next one, so many writers share one {@code fsync}.
 *
 * <p>Reads are answered only once every write to their database that they could have seen is durable too:
 * otherwise a reader (the outbox relay, say) could act on a write that a crash would then take back. Writes to other
 * databases (other services) do not hold a read up.
 */
final class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /** Commands that read data: answered after what they may have seen is durable. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate",
            "listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "datasize", "explain");

    /** Commands that neither read nor change data. */
    private static final Set<String> NO_DATA = Set.of("ping", "ismaster", "hello", "buildinfo", "whatsmyuri",
            "serverstatus", "getlasterror", "killcursors", "endsessions", "connectionstatus", "hostinfo", "getparameter",
            "getcmdlineopts", "getlog", "currentop", "getfreemonitoringstatus", "saslstart", "saslcontinue",
            "startsession", "getnonce", "logout", "features");

    /** Stages of an aggregation that write its result into a collection. */
    private static final Set<String> WRITING_STAGES = Set.of("$out", "$merge");

    private static final Duration HOUSEKEEPING = Duration.ofSeconds(30);
    private static final int COMPACT_FILL_RATE = 50;
    private static final int COMPACT_WRITE_BYTES = 16 * 1024 * 1024;

    private final MVStore store;
    /** Commands that change data hold it shared; the committer takes it alone to commit whole commands only. */
    private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock();
    /** Commands that changed data so far (or are changing it now): their numbers. */
    private final AtomicLong applied = new AtomicLong();
    /** Per database, the number of the latest command that changed (or is changing) it. */
    private final Map<String, AtomicLong> latestWrite = new ConcurrentHashMap<>();
    private final ReentrantLock progress = new ReentrantLock();
    private final Condition work = progress.newCondition();
    private final Condition done = progress.newCondition();
    /** The number of the last command whose change is on disk. */
    private long durable;
    private Throwable failure;
    private volatile boolean open = true;
    private final Thread committer;
    private volatile long commits;
    private long lastHousekeeping = System.nanoTime();

    private final long slowNanos;

    private DurableH2Backend(MVStore store, int slowMillis) {
        super(store);
        this.store = store;
        this.slowNanos = TimeUnit.MILLISECONDS.toNanos(slowMillis);
        this.committer = new Thread(this::commitLoop, "mvstore-committer");
        committer.setDaemon(true);
        committer.start();
    }

    /**
     * Opens (or creates) the store in {@code file}, without the MVStore's own background commits, with a page cache
     * of {@code cacheMegabytes}; commands slower than {@code slowMillis} are logged.
     */
    static DurableH2Backend open(Path file, int cacheMegabytes, int slowMillis) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(cacheMegabytes)
                .autoCommitDisabled()
                // Also no commits triggered by the amount of unsaved changes, which could cut a command in half.
                .autoCommitBufferSize(0)
                .open();
        return new DurableH2Backend(store, slowMillis);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        long started = System.nanoTime();
        try {
            return durably(channel, database, command, query);
        } finally {
            long took = System.nanoTime() - started;
            if (took >= slowNanos) {
                log.warn("Slow command: {} ms {}.{}", TimeUnit.NANOSECONDS.toMillis(took), database, CommandShape.of(command, query));
            }
        }
    }

    private Document durably(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (NO_DATA.contains(name)) {
            return super.handleCommand(channel, database, command, query);
        }
        if (READS.contains(name) && !writesResult(name, query)) {
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                awaitDurable(latestWrite(database).get());
            }
        }
        applying.readLock().lock();
        long mine = applied.incrementAndGet();
        latestWrite(database).accumulateAndGet(mine, Math::max);
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            applying.readLock().unlock();
            // Also after a failure: part of the command (some documents of a batch) may have been applied.
            awaitDurable(mine);
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        try {
            return super.handleQuery(query);
        } finally {
            awaitDurable(applied.get());
        }
    }

    private AtomicLong latestWrite(String database) {
        return latestWrite.computeIfAbsent(database, d -> new AtomicLong());
    }

    private static boolean writesResult(String name, Document query) {
        if (!name.equals("aggregate") || !(query.get("pipeline") instanceof List<?> pipeline)) {
            return false;
        }
        return pipeline.stream().anyMatch(stage -> stage instanceof Document d && d.keySet().stream().anyMatch(WRITING_STAGES::contains));
    }

    /** Waits until the changes of commands up to number {@code command} are on disk. */
    private void awaitDurable(long command) {
        progress.lock();
        try {
            if (durable >= command) {
                return;
            }
            work.signal();
            while (durable < command) {
                if (failure != null) {
                    throw new MongoServerException("The store could not write to its file: " + failure.getMessage());
                }
                done.awaitUninterruptibly();
            }
        } finally {
            progress.unlock();
        }
    }

    private void commitLoop() {
        while (open) {
            try {
                progress.lock();
                try {
                    while (open && durable >= applied.get()) {
                        if (!work.await(HOUSEKEEPING.toMillis(), TimeUnit.MILLISECONDS)) {
                            break;
                        }
                    }
                } finally {
                    progress.unlock();
                }
                if (!open) {
                    return;
                }
                long covered = groupCommit();
                progress.lock();
                try {
                    durable = Math.max(durable, covered);
                    done.signalAll();
                } finally {
                    progress.unlock();
                }
                housekeeping();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                fail(e);
                return;
            }
        }
    }

    /** Commits every command applied so far and forces the file to disk; returns the number of the last one. */
    private long groupCommit() {
        long covered;
        applying.writeLock().lock();
        try {
            covered = applied.get();
            store.commit();
        } finally {
            applying.writeLock().unlock();
        }
        // Commands go on while the disk catches up; they are covered by the next commit.
        store.sync();
        commits++;
        return covered;
    }

    /** Now and then rewrites sparsely used chunks, which the MVStore's background thread would otherwise do. */
    private void housekeeping() {
        if (System.nanoTime() - lastHousekeeping < HOUSEKEEPING.toNanos()) {
            return;
        }
        lastHousekeeping = System.nanoTime();
        boolean rewritten;
        applying.writeLock().lock();
        try {
            rewritten = store.compact(COMPACT_FILL_RATE, COMPACT_WRITE_BYTES);
            if (rewritten) {
                store.commit();
            }
        } catch (RuntimeException e) {
            // A compaction that fails leaves the data as it was; the next one tries again.
            log.warn("Compacting the store file failed; trying again in {} s", HOUSEKEEPING.toSeconds(), e);
            return;
        } finally {
            applying.writeLock().unlock();
        }
        if (rewritten) {
            store.sync();
        }
        log.debug("{} group commits so far; file fill rate {}%", commits, store.getFillRate());
    }

    /**
     * The file cannot be written (disk full, I/O error): nothing more can be made durable, so every waiting command
     * gets an error, and the process ends rather than answering writes it cannot keep.
     */
    private void fail(Throwable e) {
        log.error("The Mongo-wire store cannot write to its file; refusing further writes and stopping", e);
        progress.lock();
        try {
            failure = e;
            done.signalAll();
        } finally {
            progress.unlock();
        }
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(70);
        }, "mvstore-failed");
        halt.start();
    }

    @Override
    public void close() {
        open = false;
        progress.lock();
        try {
            work.signalAll();
        } finally {
            progress.unlock();
        }
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // What is left is committed and forced to disk before the store closes; whoever still waits is answered.
        if (failure == null && !store.isClosed()) {
            store.commit();
            store.sync();
        }
        super.close();
        progress.lock();
        try {
            durable = applied.get();
            done.signalAll();
        } finally {
            progress.unlock();
        }
    }
}
