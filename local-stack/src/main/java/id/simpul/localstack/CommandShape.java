package id.simpul.localstack;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command as the slow-command log shows it: its collection, filters, sorts and stages with every value replaced by
 * {@code ?} and every list by its length (with the shape of its first document), so that the log says which query
 * was slow without holding anyone's name or contact.
 */
final class CommandShape {

    /** Fields every command carries that say nothing about its cost. */
    private static final Set<String> SESSION = Set.of("$db", "lsid", "$clusterTime", "txnNumber", "$readPreference",
            "apiVersion", "autocommit", "startTransaction", "writeConcern", "readConcern", "ordered");
    private static final int MAX = 600;

    static String of(String command, Document query) {
        StringBuilder out = new StringBuilder(command);
        Object target = query.get(command);
        if (target instanceof String collection) {
            out.append(' ').append(collection);
        }
        for (Map.Entry<String, Object> e : query.entrySet()) {
            if (!e.getKey().equalsIgnoreCase(command) && !SESSION.contains(e.getKey())) {
                out.append(' ').append(e.getKey()).append('=');
                shape(e.getValue(), out);
            }
        }
        return out.length() > MAX ? out.substring(0, MAX) + "…" : out.toString();
    }

    private static void shape(Object value, StringBuilder out) {
        if (value instanceof Document d) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : d.entrySet()) {
                out.append(first ? "" : ", ").append(e.getKey()).append(": ");
                shape(e.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[').append(list.size());
            if (!list.isEmpty() && list.getFirst() instanceof Document) {
                out.append(" × ");
                shape(list.getFirst(), out);
            }
            out.append(']');
        } else {
            out.append('?');
        }
    }

    private CommandShape() {
    }
}
