package id.simpul.training.common;

import java.util.UUID;

/** Checks and makes the UUIDs behind training-service's typed ids. */
public final class TypedIds {

    public static String requireUuid(String value, String what) {
        try {
            UUID.fromString(value);
            return value;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(what + " must be a UUID, not " + value);
        }
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }

    private TypedIds() {
    }
}
