package id.simpul.registry.imports;

import id.simpul.platform.Actor;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.access.Access;
import id.simpul.platform.access.Subject;
import id.simpul.regions.RegionDataset;
import id.simpul.registry.kim.KimExceptions;
import id.simpul.registry.kim.KimService;
import jakarta.validation.Validator;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Spreadsheet imports of KIMs. A file is checked whole before anything happens (readable, the right columns, at
 * least one row); then its rows are registered one by one in the background, each through {@link KimService} like
 * a registration from the API: a valid row is stored with its event, an invalid one is reported by column, and a
 * KIM that is already registered is left as it is, so importing the same file again changes nothing.
 * <p>
 * The report is stored in chunks of {@value #BATCH} rows, one document per chunk and outcome, and the import's
 * summary keeps each chunk's count per outcome. A page of the report is found from those counts and read by id, so
 * it costs a page whatever the import's size and however many imports were stored before (a query on other fields
 * would read every row of every import on the Mongo-wire server, which serves only exact-key lookups from an index).
 */
@Service
public class KimImports implements DisposableBean {

    static final String IMPORTS = "kim_imports";
    /** The report: per chunk of rows, one document per outcome. */
    static final String RESULTS = "kim_import_results";
    /** The report of imports stored before it came in chunks: one document per row. */
    static final String ROWS = "kim_import_rows";
    /** Per chunk, its count of rows per outcome (by the outcome's ordinal), in the import's document. */
    private static final String CHUNKS = "chunks";
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(KimImports.class);

    /** Where an import is. */
    enum Status { QUEUED, RUNNING, COMPLETED, FAILED }

    private final MongoOperations mongo;
    private final KimService kims;
    private final RowReader rows;
    private final Clock clock;
    private final Access access;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("kim-import").factory());

    KimImports(MongoOperations mongo, KimService kims, RegionDataset regions, Validator validator, Clock clock, Access access) {
        this.access = access;
        this.mongo = mongo;
        this.kims = kims;
        this.rows = new RowReader(regions, validator);
        this.clock = clock;
        mongo.indexOps(ROWS).createIndex(new Index("importId", Sort.Direction.ASC).on("row", Sort.Direction.ASC));
    }

    /**
     * Checks the file and queues its rows, registered as the caller (each row inside their region scope, the rest
     * reported); an {@link UnreadableFileException} says why a file cannot be imported.
     */
    public String start(String fileName, byte[] content) {
        access.require(ImportRights.IMPORT);
        Actor importer = Actor.current().orElse(null);
        Spreadsheet sheet = ImportColumns.canonical(SpreadsheetReader.read(fileName, content));
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id)
                .append("fileName", fileName)
                .append("startedBy", importer == null ? null : importer.id())
                .append("sha256", sha256(content))
                .append("status", Status.QUEUED.name())
                .append("totalRows", sheet.rows().size())
                .append("processedRows", 0)
                .append(ImportOutcome.CREATED.name(), 0)
                .append(ImportOutcome.ALREADY_REGISTERED.name(), 0)
                .append(ImportOutcome.INVALID.name(), 0)
                .append(ImportOutcome.OUTSIDE_SCOPE.name(), 0)
                .append("createdAt", Date.from(clock.instant())), IMPORTS);
        worker.submit(() -> {
            try (Actor.Acting acting = importer == null ? () -> { } : Actor.enter(importer)) {
                run(id, sheet);
            }
        });
        return id;
    }

    private void run(String id, Spreadsheet sheet) {
        mongo.updateFirst(byId(id), new Update().set("status", Status.RUNNING.name()).set("startedAt", Date.from(clock.instant())), IMPORTS);
        int[] counts = new int[ImportOutcome.values().length];
        int chunk = 0;
        try {
            List<Spreadsheet.Row> all = sheet.rows();
            for (int from = 0; from < all.size(); from += BATCH) {
                flush(id, chunk++, importRows(all.subList(from, Math.min(all.size(), from + BATCH))), counts);
            }
            mongo.updateFirst(byId(id), new Update().set("status", Status.COMPLETED.name())
                    .set("finishedAt", Date.from(clock.instant())), IMPORTS);
            log.info("Import {} finished: {} created, {} already registered, {} invalid, {} outside the scope", id,
                    counts[0], counts[1], counts[2], counts[3]);
        } catch (RuntimeException e) {
            log.error("Import {} failed after {} rows", id, java.util.Arrays.stream(counts).sum(), e);
            mongo.updateFirst(byId(id), new Update().set("status", Status.FAILED.name())
                    .set("failure", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .set("finishedAt", Date.from(clock.instant())), IMPORTS);
        }
    }

    /**
     * A batch of rows, registered or reported as {@link KimService#registerAll} does for each KIM: a KIM is stored
     * whole or not at all (one document each).
     */
    private List<Document> importRows(List<Spreadsheet.Row> rows) {
        Document[] results = new Document[rows.size()];
        List<KimService.NewKim> valid = new ArrayList<>();
        List<Integer> validAt = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RowReader.Read read = this.rows.read(rows.get(i));
            results[i] = new Document("row", rows.get(i).number()).append("name", read.name());
            if (read.problems().isEmpty()) {
                valid.add(new KimService.NewKim(read.request().toProfile(), read.status(), read.request().toCriteria()));
                validAt.add(i);
            } else {
                results[i].append("outcome", ImportOutcome.INVALID.name()).append("problems", problems(read.problems()));
            }
        }
        List<KimService.Registered> registered = kims.registerAll(valid);
        for (int j = 0; j < registered.size(); j++) {
            Document result = results[validAt.get(j)];
            KimService.Registered outcome = registered.get(j);
            if (outcome.created() != null) {
                result.append("outcome", ImportOutcome.CREATED.name()).append("kimId", outcome.created().id().value());
            } else if (outcome.duplicate() != null) {
                KimExceptions.Duplicate duplicate = outcome.duplicate();
                String column = duplicate.field().equals("kimIdNumber") ? ImportColumns.KIM_ID_NUMBER : ImportColumns.NAME;
                result.append("outcome", ImportOutcome.ALREADY_REGISTERED.name())
                        .append("kimId", duplicate.existing().id().value())
                        .append("problems", problems(List.of(new RowProblem(column, duplicate.getMessage()))));
            } else if (outcome.outsideScope() != null) {
                result.append("outcome", ImportOutcome.OUTSIDE_SCOPE.name())
                        .append("problems", problems(List.of(new RowProblem(ImportColumns.VILLAGE_CODE, outcome.outsideScope()))));
            } else {
                result.append("outcome", ImportOutcome.INVALID.name()).append("problems", problems(outcome.invalid().violations()
                        .stream().map(v -> new RowProblem(RowReader.column(v.field(), List.of()), v.message())).toList()));
            }
        }
        return List.of(results);
    }

    /**
     * Stores the report of one chunk of rows (one document per outcome), then the import's figures with the chunk's
     * counts: a page is read only from chunks the figures name, so a stop between the two shows the figures as they
     * were.
     */
    private void flush(String id, int chunk, List<Document> results, int[] counts) {
        int[] inChunk = new int[ImportOutcome.values().length];
        Map<ImportOutcome, List<Document>> byOutcome = new EnumMap<>(ImportOutcome.class);
        for (int k = 0; k < results.size(); k++) {
            // Its place in the file: a page lists rows in the file's order.
            Document result = results.get(k).append("at", chunk * BATCH + k);
            ImportOutcome outcome = ImportOutcome.valueOf(result.getString("outcome"));
            inChunk[outcome.ordinal()]++;
            byOutcome.computeIfAbsent(outcome, o -> new ArrayList<>()).add(result);
        }
        List<Document> documents = byOutcome.entrySet().stream().map(e -> new Document("_id", resultsId(id, chunk, e.getKey()))
                .append("importId", id).append("chunk", chunk).append("outcome", e.getKey().name()).append("rows", e.getValue())).toList();
        if (!documents.isEmpty()) {
            mongo.insert(documents, RESULTS);
        }
        for (ImportOutcome outcome : ImportOutcome.values()) {
            counts[outcome.ordinal()] += inChunk[outcome.ordinal()];
        }
        Update progress = new Update().set("processedRows", java.util.Arrays.stream(counts).sum())
                .push(CHUNKS, java.util.Arrays.stream(inChunk).boxed().toList());
        for (ImportOutcome outcome : ImportOutcome.values()) {
            progress.set(outcome.name(), counts[outcome.ordinal()]);
        }
        mongo.updateFirst(byId(id), progress, IMPORTS);
    }

    private static String resultsId(String importId, int chunk, ImportOutcome outcome) {
        return importId + ":" + chunk + ":" + outcome.name();
    }

    /** An import with its figures, and who started it. */
    public record Summary(String id, String fileName, Status status, int totalRows, int processedRows, int created,
                          int alreadyRegistered, int invalid, int outsideScope, String startedBy, Date createdAt,
                          Date startedAt, Date finishedAt, String failure) {
    }

    /** What became of one row, and why. */
    public record RowResult(int row, ImportOutcome outcome, String kimId,
                            @io.swagger.v3.oas.annotations.media.Schema(description = "The KIM's name as the row gives it (at most 200 characters), if it has one")
                            String name,
                            List<RowProblem> problems) {
    }

    /** The import, if it exists and the caller may read its report: who started it, or the ministry. */
    public java.util.Optional<Summary> find(String id) {
        access.require(ImportRights.READ_REPORT);
        Document d = mongo.findById(id, Document.class, IMPORTS);
        java.util.Optional<Summary> summary = java.util.Optional.ofNullable(d).map(KimImports::summary);
        summary.ifPresent(s -> access.require(ImportRights.READ_REPORT, Subject.ownedBy(s.startedBy())));
        return summary;
    }

    /**
     * A page of the import's rows with one of {@code outcomes}, in the file's order; the total comes from the figures kept
     * per chunk, and only the chunks the page falls in are read.
     */
    public PageResponse<RowResult> rows(String id, Set<ImportOutcome> outcomes, PageQuery page) {
        Query chunksOnly = Query.query(Criteria.where("_id").is(id));
        chunksOnly.fields().include(CHUNKS);
        Document stored = mongo.findOne(chunksOnly, Document.class, IMPORTS);
        if (stored == null) {
            return PageResponse.of(List.of(), page, 0);
        }
        if (!stored.containsKey(CHUNKS)) {
            return storedPerRow(id, outcomes, page);
        }
        List<List<Integer>> chunks = stored.getList(CHUNKS, List.class).stream()
                .map(c -> ((List<?>) c).stream().map(n -> ((Number) n).intValue()).toList()).toList();
        long total = 0;
        long skip = page.offset();
        long firstSkip = 0;
        long wanted = page.size();
        List<String> ids = new ArrayList<>();
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            List<Integer> count = chunks.get(chunk);
            int matching = outcomes.stream().mapToInt(o -> o.ordinal() < count.size() ? count.get(o.ordinal()) : 0).sum();
            total += matching;
            if (matching == 0 || wanted <= 0) {
                continue;
            }
            if (ids.isEmpty() && skip >= matching) {
                skip -= matching;
                continue;
            }
            if (ids.isEmpty()) {
                firstSkip = skip;
                wanted -= matching - skip;
            } else {
                wanted -= matching;
            }
            for (ImportOutcome outcome : outcomes) {
                if (outcome.ordinal() < count.size() && count.get(outcome.ordinal()) > 0) {
                    ids.add(resultsId(id, chunk, outcome));
                }
            }
        }
        List<Document> rows = ids.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, RESULTS).stream()
                        .flatMap(d -> d.getList("rows", Document.class).stream())
                        .sorted(java.util.Comparator.comparing((Document d) -> d.getInteger("at")))
                        .skip(firstSkip).limit(page.size()).toList();
        return PageResponse.of(rows.stream().map(KimImports::rowResult).toList(), page, total);
    }

    /** An import reported before reports came in chunks, one document per row. */
    private PageResponse<RowResult> storedPerRow(String id, Set<ImportOutcome> outcomes, PageQuery page) {
        Query query = Query.query(Criteria.where("importId").is(id).and("outcome").in(outcomes.stream().map(Enum::name).toList()));
        long total = mongo.count(query, ROWS);
        query.with(Sort.by("row")).skip(page.offset()).limit(page.size());
        return PageResponse.of(mongo.find(query, Document.class, ROWS).stream().map(KimImports::rowResult).toList(), page, total);
    }

    /** Imports cut short by a stop are marked failed: import the file again; rows already stored are recognised. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedImports() {
        long interrupted = mongo.updateMulti(Query.query(Criteria.where("status").in(Status.QUEUED.name(), Status.RUNNING.name())),
                new Update().set("status", Status.FAILED.name())
                        .set("failure", "Interrupted by a restart of registry-service; import the file again "
                                + "(KIMs already stored are recognised and left as they are)")
                        .set("finishedAt", Date.from(clock.instant())), IMPORTS).getModifiedCount();
        if (interrupted > 0) {
            log.warn("{} import(s) were interrupted by the last stop and are marked failed", interrupted);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static Summary summary(Document d) {
        return new Summary(d.getString("_id"), d.getString("fileName"), Status.valueOf(d.getString("status")),
                d.getInteger("totalRows"), d.getInteger("processedRows"), d.getInteger(ImportOutcome.CREATED.name()),
                d.getInteger(ImportOutcome.ALREADY_REGISTERED.name()), d.getInteger(ImportOutcome.INVALID.name()),
                d.getInteger(ImportOutcome.OUTSIDE_SCOPE.name(), 0), d.getString("startedBy"), d.getDate("createdAt"), d.getDate("startedAt"), d.getDate("finishedAt"), d.getString("failure"));
    }

    private static RowResult rowResult(Document d) {
        return new RowResult(d.getInteger("row"), ImportOutcome.valueOf(d.getString("outcome")), d.getString("kimId"), d.getString("name"),
                d.getList("problems", Document.class, List.of()).stream().map(p -> new RowProblem(p.getString("column"),
                        p.getString("message"), p.getList("candidates", String.class, List.of()))).toList());
    }

    private static List<Document> problems(List<RowProblem> problems) {
        return problems.stream().map(p -> new Document("column", p.column()).append("message", p.message())
                .append("candidates", p.candidates())).toList();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
