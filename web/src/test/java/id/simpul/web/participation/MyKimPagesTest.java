package id.simpul.web.participation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MyKimPagesTest {

    @Test
    void aTrainingTwoMembersEnrolledInIsOfferedOnceForTheOutput() {
        Map<String, Object> enrolments = Map.of("items", List.of(
                Map.of("enrolment", Map.of("id", "e1"), "training", Map.of("id", "t1", "title", "Martapura")),
                Map.of("enrolment", Map.of("id", "e2"), "training", Map.of("id", "t1", "title", "Martapura")),
                Map.of("enrolment", Map.of("id", "e3"), "training", Map.of("id", "t2", "title", "Jayapura"))));

        assertThat(MyKimPages.trainingsOf(enrolments)).extracting(t -> (Object) t.get("id")).containsExactly("t1", "t2");
        assertThat(MyKimPages.trainingsOf(null)).isEmpty();
    }
}
