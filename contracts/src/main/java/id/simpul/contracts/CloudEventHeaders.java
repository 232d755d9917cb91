package id.simpul.contracts;

import java.util.List;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: the header names every Simpul record carries. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /**
     * CloudEvents extension attributes naming the actor of the change (a user id, or {@code simpul:seed}), their roles
     * (comma-separated) and region scope (a Kemendagri code prefix, empty for the whole country). Optional: events
     * made with no actor known, and those published before actors were recorded, carry none. On Kafka they are the
     * headers {@code ce_actorid}, {@code ce_actorroles}, {@code ce_actorscope}.
     */
    public static final String ACTOR_ID = "actorid";
    public static final String ACTOR_ROLES = "actorroles";
    public static final String ACTOR_SCOPE = "actorscope";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    public static List<String> required() {
        return List.of(SPEC_VERSION, ID, TYPE, SOURCE, TIME, SUBJECT, CONTENT_TYPE);
    }

    private CloudEventHeaders() {
    }
}
