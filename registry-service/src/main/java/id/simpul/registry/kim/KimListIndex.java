package id.simpul.registry.kim;

import id.simpul.platform.PageQuery;
import id.simpul.platform.Sorting;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a list of KIMs filters and sorts by, for every KIM, held in memory in each order a list may ask for, with
 * the number of KIMs per region (every level) and status. A page is found here and then read from MongoDB by id,
 * so it costs a page on any MongoDB-wire server: the Mongo-wire server serves no range and no sort from an index
 * (docs/api.md, "What a page costs"), and the ids are the one key every server looks up directly.
 * <p>
 * This instance's own writes are applied as they are stored, and other instances' as their events arrive
 * ({@link KimListFeed}). The whole collection is read at start, once the feed has its position, again every
 * {@code simpul.kims.list-resync}, and whenever the store counts more KIMs than the index holds (checked every
 * 10 s), which brings in what other instances stored while the feed was away. Newer versions win, so applying the
 * same KIM twice, or an older read after a newer write, changes nothing.
 */
@Component
class KimListIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KimListIndex.class);
    /** How long a list waits for the first read of the collection before answering 503. */
    private static final Duration FIRST_LOAD_WAIT = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(5);
    /** How often the store's count of KIMs is compared with the index's. */
    private static final Duration CHECK = Duration.ofSeconds(10);
    /** How long the first read waits for the feed's position; with Kafka away, it reads without it. */
    private static final Duration FEED_WAIT = Duration.ofSeconds(10);
    private static final int STATUSES = KimStatus.values().length;
    private static final String NATIONAL = "";
    /** New KIMs of this instance being stored now, not yet applied (see {@link #storing}). */
    private final java.util.concurrent.atomic.AtomicInteger storing = new java.util.concurrent.atomic.AtomicInteger();

    /** One KIM as lists see it. */
    record Entry(String id, long version, String village, KimStatus status, String nameLower, String nameSort,
                 Set<FocusArea> focusAreas, boolean hasMedia, Instant registeredAt, Instant updatedAt,
                 Integer memberCount) {

        static Entry of(Kim kim) {
            return of(new KimMapping().toDocument(kim).append("_id", kim.id().value()).append("version", kim.version()));
        }

        static Entry of(Document d) {
            Set<FocusArea> focus = EnumSet.noneOf(FocusArea.class);
            d.getList(KimMapping.FOCUS_AREAS, String.class, List.of()).forEach(f -> focus.add(FocusArea.valueOf(f)));
            return new Entry(d.getString("_id"), d.get("version", Number.class).longValue(),
                    d.getString(KimMapping.VILLAGE_CODE).intern(), KimStatus.valueOf(d.getString(KimMapping.STATUS)),
                    d.getString(KimMapping.NAME).toLowerCase(Locale.ROOT), d.getString(KimMapping.NAME_SORT),
                    Set.copyOf(focus), !d.getList(KimMapping.MEDIA, Object.class, List.of()).isEmpty(),
                    instant(d.getDate(KimMapping.REGISTERED_AT)), instant(d.getDate(KimMapping.UPDATED_AT)),
                    d.getInteger(KimMapping.MEMBER_COUNT));
        }

        /** Only what {@link #ORDER} compares: where a cursor left off. */
        static Entry probe(String storedField, Comparable<?> value, String id) {
            return new Entry(id, 0, "", KimStatus.CANDIDATE, "",
                    KimMapping.NAME_SORT.equals(storedField) ? (String) value : null, Set.of(), false,
                    KimMapping.REGISTERED_AT.equals(storedField) ? (Instant) value : null,
                    KimMapping.UPDATED_AT.equals(storedField) ? (Instant) value : null,
                    KimMapping.MEMBER_COUNT.equals(storedField) ? (Integer) value : null);
        }

        /** The value of a sort field ({@link KimSort}'s stored names). */
        Comparable<?> value(String storedField) {
            return switch (storedField) {
                case KimMapping.NAME_SORT -> nameSort;
                case KimMapping.REGISTERED_AT -> registeredAt;
                case KimMapping.UPDATED_AT -> updatedAt;
                case KimMapping.MEMBER_COUNT -> memberCount;
                default -> throw new IllegalArgumentException("not a sort field of KIMs: " + storedField);
            };
        }

        /** At or inside the region {@code code} (any level). */
        boolean within(String code) {
            return village.equals(code) || village.startsWith(code + ".");
        }

        /** The codes of the regions the KIM lies in, national first. */
        List<String> regions() {
            List<String> codes = new ArrayList<>(List.of(NATIONAL));
            for (int dot = village.indexOf('.'); dot > 0; dot = village.indexOf('.', dot + 1)) {
                codes.add(village.substring(0, dot));
            }
            codes.add(village);
            return codes;
        }

        private static Instant instant(java.util.Date date) {
            return date == null ? null : date.toInstant();
        }
    }

    /** The ids of one page, in order, with the total of the list and where the page starts. */
    record Slice(List<Entry> items, long total, long offset, boolean more) {

        List<String> ids() {
            return items.stream().map(Entry::id).toList();
        }
    }

    /** The order of {@code ?sort=field}, ascending; nulls first as MongoDB sorts them; the id breaks ties. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Entry> order(String storedField) {
        Comparator<Entry> byValue = Comparator.comparing(e -> (Comparable) e.value(storedField),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return byValue.thenComparing(Entry::id);
    }

    private final MongoOperations mongo;
    private final Duration resync;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, NavigableSet<Entry>> ordered = new HashMap<>();
    private final Map<String, int[]> counts = new HashMap<>();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private ScheduledExecutorService loader;
    private volatile boolean feedExpected;
    private volatile boolean feedPositioned;
    private volatile Instant firstLoadBy = Instant.MAX;

    KimListIndex(MongoOperations mongo, @Value("${simpul.kims.list-resync:PT30M}") Duration resync) {
        this.mongo = mongo;
        this.resync = resync;
        for (String field : KimSort.FIELDS.storedByName().values()) {
            ordered.put(field, new TreeSet<>(order(field)));
        }
    }

    /** Takes in a KIM as stored now; an older version than the one held is ignored. */
    void apply(Entry entry) {
        if (!newer(entry)) {
            return;
        }
        lock.writeLock().lock();
        try {
            Entry held = byId.get(entry.id());
            if (held != null && held.version() >= entry.version()) {
                return;
            }
            if (held != null) {
                ordered.values().forEach(set -> set.remove(held));
                count(held, -1);
            }
            byId.put(entry.id(), entry);
            ordered.values().forEach(set -> set.add(entry));
            count(entry, 1);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void apply(Kim kim) {
        apply(Entry.of(kim));
    }

    /** Whether the entry is newer than the one held; a page's reads mostly find the same, which needs no write lock. */
    private boolean newer(Entry entry) {
        lock.readLock().lock();
        try {
            Entry held = byId.get(entry.id());
            return held == null || held.version() < entry.version();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void count(Entry entry, int delta) {
        for (String region : entry.regions()) {
            counts.computeIfAbsent(region, r -> new int[STATUSES])[entry.status().ordinal()] += delta;
        }
    }

    /**
     * One page of the KIMs the filter names, in {@code sort}'s order: the page {@code page} or, with {@code after},
     * the {@code page.size()} KIMs that follow the one the cursor names (whatever was added before it meanwhile).
     */
    Slice page(KimFilter filter, Sorting sort, PageQuery page, Entry after) {
        awaitFirstLoad();
        Predicate<Entry> matches = matcher(filter);
        lock.readLock().lock();
        try {
            NavigableSet<Entry> all = ordered.get(sort.storedField());
            NavigableSet<Entry> inOrder = sort.ascending() ? all : all.descendingSet();
            long offset = after == null ? page.offset() : count(inOrder.headSet(after, true), matches);
            long skip = after == null ? page.offset() : 0;
            List<Entry> items = new ArrayList<>();
            boolean more = false;
            for (Entry entry : after == null ? inOrder : inOrder.tailSet(after, false)) {
                if (!matches.test(entry)) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                } else if (items.size() < page.size()) {
                    items.add(entry);
                } else {
                    more = true;
                    break;
                }
            }
            Long counted = counted(filter);
            return new Slice(List.copyOf(items), counted != null ? counted : count(inOrder, matches), offset, more);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The total from the counts per region and status, when the filter asks nothing else; null otherwise. */
    private Long counted(KimFilter filter) {
        boolean onlyRegionAndStatus = filter.focusArea() == null && filter.hasMedia() == null
                && (filter.nameContains() == null || filter.nameContains().isBlank())
                && (filter.visible() == null || filter.visible().kimId() == null);
        if (!onlyRegionAndStatus) {
            return null;
        }
        String region = filter.region() == null ? NATIONAL : filter.region().value();
        if (filter.visible() != null) {
            if (filter.visible().scope() == null) {
                return 0L;
            }
            String scope = filter.visible().scope().value();
            if (region.equals(NATIONAL) || inside(scope, region)) {
                region = scope;
            } else if (!inside(region, scope)) {
                return 0L;
            }
        }
        int[] byStatus = counts.getOrDefault(region, new int[STATUSES]);
        long total = 0;
        for (KimStatus status : KimStatus.values()) {
            if (filter.statuses() == null || filter.statuses().isEmpty() || filter.statuses().contains(status)) {
                total += byStatus[status.ordinal()];
            }
        }
        return total;
    }

    private static boolean inside(String code, String region) {
        return code.equals(region) || code.startsWith(region + ".");
    }

    private static long count(Iterable<Entry> entries, Predicate<Entry> matches) {
        long n = 0;
        for (Entry entry : entries) {
            if (matches.test(entry)) {
                n++;
            }
        }
        return n;
    }

    /** Whether the KIM is in the list the filter names. */
    static boolean matches(KimFilter filter, Entry entry) {
        return matcher(filter).test(entry);
    }

    private static Predicate<Entry> matcher(KimFilter filter) {
        List<Predicate<Entry>> all = new ArrayList<>();
        if (filter.visible() != null) {
            String scope = filter.visible().scope() == null ? null : filter.visible().scope().value();
            String own = filter.visible().kimId();
            all.add(e -> (scope != null && e.within(scope)) || e.id().equals(own));
        }
        if (filter.region() != null) {
            String region = filter.region().value();
            all.add(e -> e.within(region));
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            Set<KimStatus> statuses = EnumSet.copyOf(filter.statuses());
            all.add(e -> statuses.contains(e.status()));
        }
        if (filter.focusArea() != null) {
            all.add(e -> e.focusAreas().contains(filter.focusArea()));
        }
        if (filter.hasMedia() != null) {
            all.add(e -> e.hasMedia() == filter.hasMedia());
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            String text = filter.nameContains().strip().toLowerCase(Locale.ROOT);
            all.add(e -> e.nameLower().contains(text));
        }
        return all.stream().reduce(e -> true, Predicate::and);
    }

    private void awaitFirstLoad() {
        try {
            if (loaded.await(FIRST_LOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new DataAccessResourceFailureException("the list of KIMs is still being read from the store");
    }

    /** Whether the index holds the KIM in this version or a newer one. */
    boolean holds(String id, long version) {
        lock.readLock().lock();
        try {
            Entry held = byId.get(id);
            return held != null && held.version() >= version;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Reads these KIMs' list fields from the store (one query on the id index) and applies them. */
    void read(Collection<String> ids) {
        try (Stream<Document> documents = mongo.stream(listFields(Query.query(Criteria.where("_id").in(ids))),
                Document.class, KimEvents.COLLECTION)) {
            documents.forEach(d -> apply(Entry.of(d)));
        }
    }

    /** A feed of other instances' changes will call {@link #positioned()}: the first read waits for it. */
    void expectFeed() {
        feedExpected = true;
    }

    /**
     * The feed has its position: what is stored from now on reaches the index by the feed, so the first read may
     * start; a later call (partitions assigned again) reads the collection again, soon, on the index's own thread.
     */
    void positioned() {
        boolean first = !feedPositioned;
        feedPositioned = true;
        ScheduledExecutorService running;
        synchronized (this) {
            running = loader;
        }
        if (first || running == null || !loaded()) {
            return; // the first read follows, at start or from the waiting check
        }
        try {
            running.execute(() -> {
                try {
                    load();
                } catch (RuntimeException e) {
                    log.warn("Could not read the list fields of the KIMs; the next check reads them", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the index is stopping: nothing to read for
        }
    }

    private static Query listFields(Query query) {
        Stream.of("_id", "version", KimMapping.VILLAGE_CODE, KimMapping.STATUS, KimMapping.NAME, KimMapping.NAME_SORT,
                        KimMapping.FOCUS_AREAS, KimMapping.MEDIA, KimMapping.REGISTERED_AT, KimMapping.UPDATED_AT,
                        KimMapping.MEMBER_COUNT)
                .forEach(query.fields()::include);
        return query;
    }

    /** Reads every KIM's list fields from the store and applies them. */
    void load() {
        Query everything = listFields(new Query());
        long started = System.nanoTime();
        int[] read = {0};
        try (Stream<Document> documents = mongo.stream(everything, Document.class, KimEvents.COLLECTION)) {
            documents.forEach(d -> {
                apply(Entry.of(d));
                read[0]++;
            });
        }
        loaded.countDown();
        log.debug("Read the list fields of {} KIMs in {} ms", read[0], (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Reads the collection when it is due ({@code resync}) or when the store's count of KIMs and the index's differ
     * at two checks in a row (another instance registered some while the feed was away: KIMs are never deleted). The
     * count is the store's own, which costs no scan; this instance's KIMs being stored right now ({@link #storing})
     * are not taken for a difference, and another instance's are listed from the feed well before the next check.
     * Every read of the whole collection holds the Mongo-wire server's collection for seconds at 100,000 KIMs.
     */
    private void loadWhenDue(Instant due, boolean differedBefore) {
        if (!loaded() && feedExpected && !feedPositioned && Instant.now().isBefore(firstLoadBy)) {
            loader.schedule(() -> loadWhenDue(due, differedBefore), 50, TimeUnit.MILLISECONDS);
            return;
        }
        try {
            boolean differs = loaded() && differs();
            boolean read = !loaded() || !Instant.now().isBefore(due) || differs && differedBefore;
            if (read) {
                load();
            }
            Instant next = read ? Instant.now().plus(resync) : due;
            boolean differed = differs && !read;
            loader.schedule(() -> loadWhenDue(next, differed), CHECK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            log.warn("Could not read the list fields of the KIMs; trying again in {} s", RETRY.toSeconds(), e);
            loader.schedule(() -> loadWhenDue(due, differedBefore), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Whether the store holds KIMs the index does not, or fewer than it lists. Read in this order, every KIM the count
     * saw is either listed by the second {@code size()} or still being stored by this instance.
     */
    private boolean differs() {
        int before = size();
        long stored = mongo.estimatedCount(KimEvents.COLLECTION);
        int inFlight = storing.get();
        int after = size();
        return stored < before || stored > after + inFlight;
    }

    /**
     * Around this instance's write of {@code count} new KIMs, from before the write until they are applied here: the
     * count check then does not read the whole collection for them.
     */
    void storing(int count) {
        storing.addAndGet(count);
    }

    /** Whether the collection has been read once: until then lists wait, and the readiness check says no. */
    boolean loaded() {
        return loaded.getCount() == 0;
    }

    int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public synchronized void start() {
        loader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kim-list-index");
            thread.setDaemon(true);
            return thread;
        });
        firstLoadBy = Instant.now().plus(FEED_WAIT);
        loader.execute(() -> loadWhenDue(Instant.now(), false));
    }

    @Override
    public synchronized void stop() {
        if (loader != null) {
            loader.shutdownNow();
            loader = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return loader != null;
    }
}
