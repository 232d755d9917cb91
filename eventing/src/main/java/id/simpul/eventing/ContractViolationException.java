package id.simpul.eventing;

/**
 * A record that breaks the published contract of its type (its JSON Schema in {@code contracts/}, or the size
 * limit). Retrying cannot help: it is dead-lettered at once, with what is wrong in its headers.
 */
public class ContractViolationException extends UnreadableEventException {

    public ContractViolationException(String message) {
        super(message, null);
    }
}
