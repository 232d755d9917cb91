package id.simpul.platform;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read in every service: the JSON types as documented (no {@code "20"} for a number, no
 * number for text, no fractions for whole numbers), no fields the API does not know, no key given twice, and every
 * string (map keys too) through {@link Text#normalise}. Map keys may not start with {@code $} or hold a dot, which
 * MongoDB would read as operators or paths.
 */
final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, number -> number
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, number -> number
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .addModule(new SimpleModule("simpul-text")
                        .addDeserializer(String.class, new NormalisedString())
                        .addKeyDeserializer(String.class, new NormalisedKey()));
    }

    /** Text refused by {@link Text#normalise}: the advice answers 422 naming the field. */
    static final class InvalidText extends InvalidFormatException {
        InvalidText(JsonParser parser, String message, String value) {
            super(parser, message, value, String.class);
        }
    }

    private static final class NormalisedString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String raw = super.deserialize(parser, context);
            try {
                return Text.normalise(raw);
            } catch (Text.Rejected e) {
                throw new InvalidText(parser, e.getMessage(), raw);
            }
        }
    }

    private static final class NormalisedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            String normal;
            try {
                normal = Text.normalise(key);
            } catch (Text.Rejected e) {
                throw new InvalidText(context.getParser(), "a key " + e.getMessage(), key);
            }
            if (normal.startsWith("$") || normal.contains(".")) {
                throw new InvalidText(context.getParser(), "a key may not start with $ or hold a dot: " + normal, key);
            }
            return normal;
        }
    }
}
