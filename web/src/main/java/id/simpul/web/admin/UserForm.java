package id.simpul.web.admin;

import id.simpul.web.workspace.Forms;
import id.simpul.web.workspace.Me;
import org.springframework.util.MultiValueMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The create-user form as identity-service's {@code POST /api/users}: the text inputs named as its fields, the roles
 * as tick boxes, and the roles a person is offered to grant.
 */
final class UserForm {

    static final List<String> INPUTS = List.of("username", "displayName", "password", "regionScope", "partnerId", "kimId");
    /** identity-service's roles, highest first (its rank orders delegation). */
    static final List<String> ROLES = List.of("MINISTRY_ADMIN", "OPERATOR", "PROVINCE_OFFICER", "PROGRAMME_MANAGER",
            "REGENCY_OFFICER", "PARTNER", "KIM_OFFICER", "VIEWER");
    /** Granted by the ministry only: a province officer grants roles no higher than their own. */
    private static final Set<String> MINISTRY_ONLY = Set.of("MINISTRY_ADMIN", "OPERATOR");

    private UserForm() {
    }

    /** The roles {@code me} is offered as tick boxes: those identity-service would let them grant. */
    static List<String> grantable(Me me) {
        if (me.administers()) {
            return ROLES;
        }
        return me.administersUsers() ? ROLES.stream().filter(role -> !MINISTRY_ONLY.contains(role)).toList() : List.of();
    }

    /** The request: the inputs filled in, and the roles ticked (only roles identity-service knows). */
    static Map<String, Object> request(MultiValueMap<String, String> fields) {
        Map<String, Object> request = Forms.request(fields, INPUTS, Set.of());
        request.put("roles", ticked(fields));
        return request;
    }

    /** What was typed, to show the form again: never the password, and the roles ticked as a list. */
    static Map<String, Object> values(MultiValueMap<String, String> fields) {
        Map<String, Object> values = new LinkedHashMap<>(Forms.values(fields, INPUTS));
        values.put("password", "");
        values.put("roles", ticked(fields));
        return values;
    }

    static Map<String, Object> blank() {
        Map<String, Object> values = new LinkedHashMap<>();
        INPUTS.forEach(input -> values.put(input, ""));
        values.put("roles", List.of());
        return values;
    }

    /** {@code roles[0]} and {@code roles[]} are the tick boxes {@code roles}. */
    static Map<String, String> errorsByInput(Map<String, String> byField) {
        Map<String, String> byInput = new LinkedHashMap<>();
        byField.forEach((field, message) -> byInput.putIfAbsent(field.replaceFirst("^roles\\[.*]$", "roles"), message));
        return byInput;
    }

    private static List<String> ticked(MultiValueMap<String, String> fields) {
        List<String> ticked = fields.getOrDefault("roles", List.of());
        return ROLES.stream().filter(ticked::contains).toList();
    }
}
