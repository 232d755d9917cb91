package id.simpul.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published JSON Schemas and examples, read from the classpath. Producers validate what they emit
 * against {@link #validate}; consumers read {@link #example} in their tests.
 */
public final class EventSchemas {

    /** The largest payload a Simpul event may have, as asyncapi.yaml publishes it. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private static final String ROOT = "contracts/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    /** Problems of {@code json} against the schema of {@code type}; empty when it conforms. */
    public static List<String> validate(String type, String json) {
        List<Error> errors = schema(type).validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    /** The published example payload of {@code type}. */
    public static String example(String type) {
        return read(ROOT + "examples/" + type + ".json");
    }

    /** The schema document of {@code type}, as published. */
    public static String schemaText(String type) {
        return read(ROOT + "schemas/" + type + ".json");
    }

    /** The AsyncAPI document. */
    public static String asyncApi() {
        return read(ROOT + "asyncapi.yaml");
    }

    private static Schema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> REGISTRY.getSchema(schemaText(t), InputFormat.JSON));
    }

    private static String read(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No contract file " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EventSchemas() {
    }
}
