package id.simpul.reporting.projection;

import id.simpul.eventing.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * The live consumer (binding {@code events-in-0} in application.yml, reading every Simpul topic): each event goes to
 * the read models of every generation being written. A failing event is retried, then dead-lettered.
 */
@Configuration
class EventBindings {

    @Bean
    Consumer<Message<byte[]>> events(Projector projector, Generations generations) {
        return message -> projector.apply(IncomingEvent.from(message), generations.state().writing());
    }
}
