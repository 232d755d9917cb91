package id.simpul.eventing;

/**
 * A typed id or code with one string form (a KIM id, a region code). In event payloads it travels as a plain JSON
 * string; implementations have a constructor taking that string.
 */
public interface Identifier {

    String value();
}
