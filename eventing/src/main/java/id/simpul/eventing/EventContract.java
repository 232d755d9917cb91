package id.simpul.eventing;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * What a consumer checks of each record before applying it: the payload is at most {@link #MAX_PAYLOAD_BYTES} and
 * conforms to the published JSON Schema of its {@code ce_type}. A record that does not is a
 * {@link ContractViolationException}: dead-lettered at once, never applied.
 */
public interface EventContract {

    /** The largest payload a Simpul event may have (published in contracts/asyncapi.yaml). */
    int MAX_PAYLOAD_BYTES = EventSchemas.MAX_PAYLOAD_BYTES;

    /** Throws {@link ContractViolationException} when {@code event} breaks the contract. */
    void check(IncomingEvent event);

    /** Whether the contract describes {@code type}. */
    boolean describes(String type);

    /** The contract published in {@code contracts/}: the size limit and the schema of every Simpul event type. */
    static EventContract published() {
        return Published.INSTANCE;
    }

    final class Published implements EventContract {

        private static final Published INSTANCE = new Published();
        private static final Set<String> TYPES = Set.copyOf(EventTypes.all());

        @Override
        public void check(IncomingEvent event) {
            byte[] payload = event.payload();
            if (payload.length > MAX_PAYLOAD_BYTES) {
                throw new ContractViolationException("Payload of " + event.type() + " " + event.id() + " has "
                        + payload.length + " bytes; the contract allows at most " + MAX_PAYLOAD_BYTES);
            }
            if (!TYPES.contains(event.type())) {
                throw new ContractViolationException("Event " + event.id() + " has type " + event.type()
                        + ", which the contract does not publish");
            }
            List<String> problems;
            try {
                problems = EventSchemas.validate(event.type(), new String(payload, StandardCharsets.UTF_8));
            } catch (RuntimeException unparsable) {
                throw new ContractViolationException("Payload of " + event.type() + " " + event.id()
                        + " is not JSON: " + unparsable.getMessage());
            }
            if (!problems.isEmpty()) {
                throw new ContractViolationException("Payload of " + event.type() + " " + event.id()
                        + " does not match its schema: " + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
            }
        }

        @Override
        public boolean describes(String type) {
            return TYPES.contains(type);
        }
    }
}
