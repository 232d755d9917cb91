package id.simpul.reporting.dashboard;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KimStatusesTest {

    @Test
    void theStatusesAreThoseOfThePublishedSchema() {
        var schema = JsonMapper.builder().build().readTree(EventSchemas.schemaText(EventTypes.KIM_REGISTERED));
        List<String> contract = schema.at("/properties/status/enum").valueStream().map(n -> n.asString()).toList();

        assertThat(KimStatuses.ALL).containsExactlyElementsOf(contract);
    }
}
