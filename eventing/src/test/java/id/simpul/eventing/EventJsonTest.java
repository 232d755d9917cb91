package id.simpul.eventing;

import id.simpul.eventing.sample.ParcelId;
import id.simpul.regions.RegionCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {

    record Delivered(ParcelId parcelId, RegionCode village) {
    }

    @Test
    void identifiersAndRegionCodesTravelAsPlainStrings() {
        Delivered event = new Delivered(new ParcelId("p-1"), new RegionCode("63.03.05.1001"));

        String json = EventJson.mapper().writeValueAsString(event);

        assertThat(json).isEqualTo("{\"parcelId\":\"p-1\",\"village\":\"63.03.05.1001\"}");
        assertThat(EventJson.mapper().readValue(json, Delivered.class)).isEqualTo(event);
    }
}
