package id.simpul.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ContractDocumentsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final JsonNode asyncApi = new YAMLMapper().readTree(EventSchemas.asyncApi());

    static List<String> types() {
        return EventTypes.all();
    }

    @Test
    void theAsyncApiDocumentPublishesThePayloadSizeLimit() {
        assertThat(asyncApi.path("info").path("description").asString())
                .contains(String.format(java.util.Locale.ROOT, "%,d bytes", EventSchemas.MAX_PAYLOAD_BYTES));
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyExampleConformsToItsSchema(String type) {
        assertThat(EventSchemas.validate(type, EventSchemas.example(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaRejectsAPayloadWithoutItsRequiredFields(String type) {
        JsonNode schema = JSON.readTree(EventSchemas.schemaText(type));
        for (JsonNode required : schema.get("required")) {
            ObjectNode payload = (ObjectNode) JSON.readTree(EventSchemas.example(type));
            payload.remove(required.asString());
            assertThat(EventSchemas.validate(type, payload.toString()))
                    .as("without %s", required.asString())
                    .isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaRejectsUndocumentedFields(String type) {
        ObjectNode payload = (ObjectNode) JSON.readTree(EventSchemas.example(type));
        payload.put("undocumented", true);
        assertThat(EventSchemas.validate(type, payload.toString())).isNotEmpty();
    }

    @Test
    void formatsAreAsserted() {
        ObjectNode payload = (ObjectNode) JSON.readTree(EventSchemas.example(EventTypes.KIM_REGISTERED));
        payload.put("registeredAt", "yesterday");
        assertThat(EventSchemas.validate(EventTypes.KIM_REGISTERED, payload.toString())).isNotEmpty();
        payload.put("registeredAt", "2026-11-28T02:15:30Z").put("villageCode", "63.3.5.1");
        assertThat(EventSchemas.validate(EventTypes.KIM_REGISTERED, payload.toString())).isNotEmpty();
        payload.put("villageCode", "63.03.05.1001").put("foundedOn", "12/04/2018");
        assertThat(EventSchemas.validate(EventTypes.KIM_REGISTERED, payload.toString())).isNotEmpty();
    }

    @Test
    void asyncApiListsEveryTopicWithItsPartitions() {
        Set<String> addresses = new HashSet<>();
        asyncApi.get("channels").forEach(channel -> {
            addresses.add(channel.get("address").asString());
            assertThat(channel.at("/bindings/kafka/partitions").asInt()).isEqualTo(Topics.PARTITIONS);
        });
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void asyncApiNamesEveryEventTypeAndPointsAtItsSchema() {
        Set<String> names = new HashSet<>();
        asyncApi.get("components").get("messages").forEach(message -> {
            String name = message.get("name").asString();
            names.add(name);
            assertThat(message.at("/payload/$ref").asString()).isEqualTo("./schemas/" + name + ".json");
            assertThat(message.at("/bindings/kafka/key/type").asString()).isEqualTo("string");
        });
        assertThat(names).containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    @Test
    void asyncApiHeadersAreTheCloudEventsAttributes() {
        JsonNode required = asyncApi.at("/components/schemas/CloudEventHeaders/required");
        List<String> names = Stream.of(JSON.treeToValue(required, String[].class)).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(CloudEventHeaders.required());
    }

    @Test
    void everyContractFileBelongsToAKnownEventType() throws IOException {
        Path root = Path.of(System.getProperty("user.dir"));
        for (String folder : List.of("schemas", "examples")) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                assertThat(files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")))
                        .as(folder)
                        .containsExactlyInAnyOrderElementsOf(EventTypes.all());
            }
        }
    }
}
