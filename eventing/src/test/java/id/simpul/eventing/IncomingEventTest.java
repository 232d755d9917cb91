package id.simpul.eventing;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingEventTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheKafkaBindingHeadersAsBytes() {
        Message<byte[]> message = MessageBuilder.withPayload(bytes("{}"))
                .setHeader("ce_id", bytes("e-1")).setHeader("ce_type", bytes("t.v1"))
                .setHeader("ce_source", bytes("/s")).setHeader("ce_time", bytes("2026-11-28T02:00:00Z"))
                .setHeader("ce_subject", bytes("k-1")).setHeader("kafka_receivedMessageKey", bytes("k-1"))
                .build();

        IncomingEvent event = IncomingEvent.from(message);

        assertThat(event).extracting(IncomingEvent::id, IncomingEvent::type, IncomingEvent::source, IncomingEvent::time,
                        IncomingEvent::subject, IncomingEvent::key)
                .containsExactly("e-1", "t.v1", "/s", Instant.parse("2026-11-28T02:00:00Z"), "k-1", "k-1");
    }

    @Test
    void readsAttributesThatSpringCloudFunctionRenamedToTheHttpPrefix() {
        Message<byte[]> message = MessageBuilder.withPayload(bytes("{}"))
                .setHeader("ce-id", "e-2").setHeader("ce-type", "t.v1").build();

        assertThat(IncomingEvent.from(message)).extracting(IncomingEvent::id, IncomingEvent::type).containsExactly("e-2", "t.v1");
    }

    @Test
    void aRecordWithoutIdOrTypeIsUnreadable() {
        Message<byte[]> noType = MessageBuilder.withPayload(bytes("{}")).setHeader("ce_id", bytes("e-3")).build();

        assertThatThrownBy(() -> IncomingEvent.from(noType))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("ce_type");
    }

    @Test
    void aMalformedTimeIsUnreadable() {
        Message<byte[]> message = MessageBuilder.withPayload(bytes("{}"))
                .setHeader("ce_id", bytes("e-4")).setHeader("ce_type", bytes("t.v1")).setHeader("ce_time", bytes("yesterday"))
                .build();

        assertThatThrownBy(() -> IncomingEvent.from(message)).isInstanceOf(UnreadableEventException.class);
    }
}
