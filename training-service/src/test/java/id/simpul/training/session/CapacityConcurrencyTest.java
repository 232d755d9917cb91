package id.simpul.training.session;

import id.simpul.contracts.Topics;
import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.TopicRecords;
import id.simpul.training.kimview.KimDirectory;
import id.simpul.training.support.RegistryEvents;
import id.simpul.training.support.TrainingApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Capacity holds under load: 500 simultaneous enrolments into 100 seats. */
@IntegrationTest
class CapacityConcurrencyTest {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    KimDirectory kims;

    @Test
    void fiveHundredSimultaneousEnrolmentsIntoAHundredSeatsGiveExactlyAHundredEnrolledAndFourHundredWaiting() throws Exception {
        TrainingApi api = new TrainingApi(TestIssuer.as(Caller.MINISTRY_ADMIN, port));
        List<String> kimIds = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID().toString()).toList();
        kimIds.forEach(id -> RegistryEvents.kim(bootstrap, id, "KIM Serentak " + id.substring(0, 6), "63.03.05.1001", "ACTIVE"));
        await().atMost(Duration.ofSeconds(60)).until(() -> kimIds.stream().allMatch(id -> kims.find(id).filter(k -> k.mayEnrol()).isPresent()));
        String training = api.scheduled(api.programme("[\"63\"]"), "63.03.05",
                LocalDateTime.now().plusDays(40).withHour(9).withMinute(0).withSecond(0).withNano(0), 100);

        List<Callable<Integer>> enrolments = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String kim = kimIds.get(i % kimIds.size());
            String participant = "Peserta " + i;
            enrolments.add(() -> api.enrol(training, kim, participant).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(64)) {
            for (Future<Integer> status : clients.invokeAll(enrolments)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnly(201);
        Http.Response result = api.http.get("/api/trainings/" + training);
        assertThat((Integer) result.json("$.seatsTaken")).isEqualTo(100);
        assertThat((Integer) result.json("$.waitlisted")).isEqualTo(400);
        assertThat(result.<List<Integer>>json("$.enrolments[?(@.status == 'WAITLISTED')].waitlistPosition"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 400).boxed().toList());
        assertThat(TopicRecords.read(bootstrap, Topics.TRAININGS, r -> training.equals(r.key()), 502, Duration.ofSeconds(60)))
                .as("drafted, scheduled and one event per enrolment").hasSize(502);
    }
}
