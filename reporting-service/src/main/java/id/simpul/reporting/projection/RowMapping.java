package id.simpul.reporting.projection;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Reads a read-model document as its {@link Rows} record and writes a record back into its document, with Spring
 * Data MongoDB's mapping (field names are the records' component names, {@code id} is {@code _id}, times are BSON
 * dates, absent fields are null). A record's fields are replaced whole in the document; what the record does not
 * name (the revision {@code _rev} that {@link id.simpul.eventing.ReadModels} keeps) is left as it is.
 */
public final class RowMapping {

    private static final RowMapping INSTANCE = new RowMapping();

    private final MappingMongoConverter converter;
    private final MongoMappingContext context;
    private final Map<Class<?>, Set<String>> fields = new ConcurrentHashMap<>();

    private RowMapping() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.setTypeMapper(new DefaultMongoTypeMapper(null)); // no _class: the collection says what a row is
        converter.afterPropertiesSet();
    }

    public static RowMapping get() {
        return INSTANCE;
    }

    public <T> T read(Class<T> type, Document document) {
        return converter.read(type, document);
    }

    /** The record as a document of its own. */
    public Document write(Object row) {
        Document written = new Document();
        converter.write(row, written);
        return written;
    }

    /**
     * Reads the row from {@code document} (one holding only {@code _id} reads as a row of nulls), applies
     * {@code change} and writes the changed row back into it; whether it changed.
     */
    public <R> boolean change(Class<R> type, Document document, UnaryOperator<R> change) {
        R before = read(type, document);
        R after = change.apply(before);
        if (after.equals(before)) {
            return false;
        }
        writeInto(after, document);
        return true;
    }

    /** Puts the record's fields into {@code document}, removing those the record leaves null. */
    public void writeInto(Object row, Document document) {
        document.keySet().removeAll(fields(row.getClass()));
        document.putAll(write(row));
    }

    private Set<String> fields(Class<?> type) {
        return fields.computeIfAbsent(type, t -> {
            Set<String> names = new HashSet<>();
            for (MongoPersistentProperty property : context.getRequiredPersistentEntity(t)) {
                names.add(property.getFieldName());
            }
            return Set.copyOf(names);
        });
    }
}
