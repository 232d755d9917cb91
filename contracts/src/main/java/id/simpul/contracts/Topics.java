package id.simpul.contracts;

import java.util.List;

/** Kafka topics (AsyncAPI channels). Chosen on purpose and versioned; never derived from class names. */
public final class Topics {

    /** Every KIM lifecycle event, keyed by kimId. */
    public static final String KIMS = "simpul.registry.kims.v1";

    /** Programmes (campaigns), keyed by programmeId. */
    public static final String PROGRAMMES = "simpul.training.programmes.v1";

    /** Partners that brief KIMs, keyed by partnerId. */
    public static final String PARTNERS = "simpul.training.partners.v1";

    /** Trainings with their invitations, enrolments and attendance, keyed by trainingId. */
    public static final String TRAININGS = "simpul.training.trainings.v1";

    /** Dissemination outputs of KIMs, keyed by outputId. */
    public static final String OUTPUTS = "simpul.training.outputs.v1";

    /** Partitions of every Simpul topic: room for six consumers per group, order kept per key. */
    public static final int PARTITIONS = 6;

    public static List<String> all() {
        return List.of(KIMS, PROGRAMMES, PARTNERS, TRAININGS, OUTPUTS);
    }

    private Topics() {
    }
}
