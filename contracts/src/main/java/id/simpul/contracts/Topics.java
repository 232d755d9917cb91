package id.simpul.contracts;

import java.util.List;

/** Kafka topics (AsyncAPI channels). Chosen on purpose and versioned; never derived from class names. */
public final class Topics {

    /** Every KIM lifecycle event, keyed by kimId. */
    public static final String KIMS = "simpul.registry.kims.v1";

    /** Partitions of every Simpul topic: room for six consumers per group, order kept per key. */
    public static final int PARTITIONS = 6;

    public static List<String> all() {
        return List.of(KIMS);
    }

    private Topics() {
    }
}
