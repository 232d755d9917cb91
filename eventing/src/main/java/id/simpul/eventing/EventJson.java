package id.simpul.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.simpul.regions.RegionCode;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import java.lang.reflect.Constructor;
import java.util.function.Function;

/**
 * The JSON mapping of event payloads, kept apart from the web layer's so that REST settings never change the wire:
 * ISO-8601 times, {@link Identifier}s and {@link RegionCode}s as plain strings, absent values left out, unknown fields ignored when reading
 * (tolerant reader).
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(identifiers())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Optional fields are left out rather than written as null, as the schemas describe them.
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public static JsonMapper mapper() {
        return MAPPER;
    }

    private static SimpleModule identifiers() {
        SimpleModule module = new SimpleModule("simpul-identifiers");
        module.addSerializer(Identifier.class, asString(Identifier.class, Identifier::value));
        module.addSerializer(RegionCode.class, asString(RegionCode.class, RegionCode::value));
        module.setDeserializers(new SimpleDeserializers() {
            @Override
            public ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                             BeanDescription.Supplier description) {
                if (Identifier.class.isAssignableFrom(type.getRawClass()) || type.getRawClass() == RegionCode.class) {
                    return new IdentifierDeserializer(type.getRawClass());
                }
                return super.findBeanDeserializer(type, config, description);
            }
        });
        return module;
    }

    private static <T> StdSerializer<T> asString(Class<T> type, Function<T, String> text) {
        return new StdSerializer<>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(text.apply(value));
            }
        };
    }

    private static final class IdentifierDeserializer extends ValueDeserializer<Object> {

        private final Constructor<?> constructor;

        IdentifierDeserializer(Class<?> type) {
            try {
                constructor = type.getDeclaredConstructor(String.class);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " needs a constructor taking its string value", e);
            }
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext ctxt) {
            String text = parser.getValueAsString();
            try {
                return constructor.newInstance(text);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                return ctxt.handleInstantiationProblem(constructor.getDeclaringClass(), text, cause);
            }
        }
    }

    private EventJson() {
    }
}
