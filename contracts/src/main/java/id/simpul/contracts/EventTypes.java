package id.simpul.contracts;

import java.util.List;

/**
 * Event type names (the CloudEvents {@code ce_type} header). Each names its schema file
 * {@code schemas/<type>.json} and example {@code examples/<type>.json}.
 */
public final class EventTypes {

    public static final String KIM_REGISTERED = "id.simpul.kim.registered.v1";
    public static final String KIM_UPDATED = "id.simpul.kim.updated.v1";
    public static final String KIM_STATUS_CHANGED = "id.simpul.kim.status-changed.v1";

    public static List<String> all() {
        return List.of(KIM_REGISTERED, KIM_UPDATED, KIM_STATUS_CHANGED);
    }

    private EventTypes() {
    }
}
