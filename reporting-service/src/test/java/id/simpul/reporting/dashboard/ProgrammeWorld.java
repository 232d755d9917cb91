package id.simpul.reporting.dashboard;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.eventing.EventJson;
import id.simpul.testinfra.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme of its own, with fresh ids, told as the events registry- and training-service publish (the contract
 * examples with other ids and values, each validated against its schema): three ACTIVE KIMs, a programme targeting
 * Kalimantan Selatan and Papua, a partner, a training of two seats with a waitlist, attendance, completion, and two
 * outputs; and the corrections training-service publishes of them.
 */
final class ProgrammeWorld {

    static final String KERATON = "63.03.05.1001";
    static final String SEKUMPUL = "63.03.05.1059";
    static final String GURABESI = "91.71.01.1001";
    static final String TRAINING_TITLE = "Pembekalan KIM: Cegah Stunting di Martapura";
    static final String TRAINING_TOPIC = "Stunting: gizi ibu hamil dan 1000 hari pertama kehidupan";
    /** The training's last version in {@link #records()}: corrections of it come after. */
    static final int TRAINING_VERSION = 9;

    final String programme = id();
    final String training = id();
    final String partner = id();
    final String invitation = id();
    final String keraton = id();
    final String sekumpul = id();
    final String gurabesi = id();
    final String output1 = id();
    final String output2 = id();
    final String waitlisted = id();

    private static final JsonMapper JSON = EventJson.mapper();

    List<ProducerRecord<String, byte[]>> records() {
        return records(true);
    }

    /** The same world while the training is still scheduled: its version 8 is the attendance. */
    List<ProducerRecord<String, byte[]>> scheduled() {
        return records(false);
    }

    private List<ProducerRecord<String, byte[]>> records(boolean completed) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(kim(keraton, "KIM Keraton " + keraton.substring(0, 4), KERATON));
        records.add(kim(sekumpul, "KIM Sekumpul " + sekumpul.substring(0, 4), SEKUMPUL));
        records.add(kim(gurabesi, "KIM Gurabesi " + gurabesi.substring(0, 4), GURABESI));
        records.add(event(Topics.PROGRAMMES, EventTypes.PROGRAMME_CREATED, programme, Map.of("programmeId", programme,
                "targets", Map.of("trainings", 2, "kimsTrained", 4, "outputs", 10, "peopleReached", 5000))));
        records.add(event(Topics.PARTNERS, EventTypes.PARTNER_REGISTERED, partner, Map.of("partnerId", partner)));
        Map<String, Object> description = Map.of("capacity", 2, "title", TRAINING_TITLE, "topic", TRAINING_TOPIC);
        records.add(training(EventTypes.TRAINING_DRAFTED, 1, description));
        records.add(training(EventTypes.TRAINING_SCHEDULED, 2, description));
        records.add(training(EventTypes.PARTNER_INVITED, 3, Map.of("invitationId", invitation, "partnerId", partner)));
        records.add(training(EventTypes.PARTNER_JOINED, 4, Map.of("invitationId", invitation, "partnerId", partner)));
        String e1 = id();
        String e2 = id();
        records.add(training(EventTypes.PARTICIPANT_ENROLLED, 5, enrolment(e1, keraton, KERATON)));
        records.add(training(EventTypes.PARTICIPANT_ENROLLED, 6, enrolment(e2, sekumpul, SEKUMPUL)));
        Map<String, Object> waiting = new LinkedHashMap<>(enrolment(waitlisted, gurabesi, GURABESI));
        waiting.put("position", 1);
        records.add(training(EventTypes.PARTICIPANT_WAITLISTED, 7, waiting));
        records.add(training(EventTypes.ATTENDANCE_RECORDED, 8, Map.of("attendees", List.of(Map.of("enrolmentId", e1, "kimId", keraton)))));
        if (completed) {
            records.add(training(EventTypes.TRAINING_COMPLETED, TRAINING_VERSION, Map.of("attendees", 1)));
        }
        records.add(output(output1, 1450));
        records.add(output(output2, 300));
        return records;
    }

    // ---- corrections

    /** The programme as corrected to {@code targets} and {@code targetRegions}, with a new title. */
    ProducerRecord<String, byte[]> programmeUpdated(int version, String title, List<String> targetRegions,
                                                    Map<String, Object> targets) {
        return event(Topics.PROGRAMMES, EventTypes.PROGRAMME_UPDATED, programme, Map.of("programmeId", programme,
                "version", version, "title", title, "targetRegions", targetRegions, "targets", targets,
                "changed", List.of("title", "targetRegions", "targets")));
    }

    ProducerRecord<String, byte[]> partnerRenamed(int version, String name) {
        return event(Topics.PARTNERS, EventTypes.PARTNER_UPDATED, partner, Map.of("partnerId", partner, "version", version,
                "name", name, "changed", List.of("name")));
    }

    /** The training as corrected: its venue and capacity, the rest as it stands. */
    ProducerRecord<String, byte[]> trainingUpdated(int version, String venue, int capacity, List<String> changed) {
        return training(EventTypes.TRAINING_UPDATED, version, Map.of("title", TRAINING_TITLE, "topic", TRAINING_TOPIC,
                "venueRegionCode", venue, "capacity", capacity, "changed", changed));
    }

    /** The waitlisted participant takes a seat. */
    ProducerRecord<String, byte[]> promoted(int version) {
        return training(EventTypes.PARTICIPANT_PROMOTED, version, enrolment(waitlisted, gurabesi, GURABESI));
    }

    ProducerRecord<String, byte[]> outputCorrected(String output, int version, int reached) {
        return event(Topics.OUTPUTS, EventTypes.OUTPUT_CORRECTED, output, Map.of("outputId", output, "version", version,
                "programmeId", programme, "trainingId", training, "kimId", keraton, "villageCode", KERATON,
                "peopleReached", reached));
    }

    ProducerRecord<String, byte[]> outputWithdrawn(String output, int version) {
        return event(Topics.OUTPUTS, EventTypes.OUTPUT_WITHDRAWN, output, Map.of("outputId", output, "version", version,
                "programmeId", programme, "trainingId", training, "kimId", keraton, "villageCode", KERATON));
    }

    private ProducerRecord<String, byte[]> kim(String id, String name, String village) {
        return event(Topics.KIMS, EventTypes.KIM_REGISTERED, id, Map.of("kimId", id, "name", name, "villageCode", village,
                "status", "ACTIVE"));
    }

    private ProducerRecord<String, byte[]> training(String type, int version, Map<String, Object> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("trainingId", training);
        all.put("programmeId", programme);
        all.put("version", version);
        return event(Topics.TRAININGS, type, training, all);
    }

    private ProducerRecord<String, byte[]> output(String id, int reached) {
        return event(Topics.OUTPUTS, EventTypes.OUTPUT_REPORTED, id, Map.of("outputId", id, "programmeId", programme,
                "trainingId", training, "kimId", keraton, "villageCode", KERATON, "peopleReached", reached));
    }

    private static Map<String, Object> enrolment(String enrolmentId, String kimId, String village) {
        return Map.of("enrolmentId", enrolmentId, "kimId", kimId, "villageCode", village);
    }

    /** The contract example of {@code type} with {@code fields} replaced, validated, as a CloudEvent record. */
    static ProducerRecord<String, byte[]> event(String topic, String type, String key, Map<String, Object> fields) {
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = JSON.readValue(EventSchemas.example(type), LinkedHashMap.class);
        payload.putAll(fields);
        String json = JSON.writeValueAsString(payload);
        assertThat(EventSchemas.validate(type, json)).as(type + " follows its schema").isEmpty();
        return TopicRecords.cloudEvent(topic, type, key, json);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
