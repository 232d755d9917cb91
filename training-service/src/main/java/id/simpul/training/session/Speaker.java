package id.simpul.training.session;

import org.jmolecules.ddd.annotation.ValueObject;

import java.util.Locale;

/** Someone a partner sends to brief KIMs (a doctor, a nutritionist). */
@ValueObject
public record Speaker(String name, String role, String email) {

    /** Who the speaker is across trainings: the e-mail when known, otherwise the name at the partner. */
    public String key(String partnerId) {
        return email != null && !email.isBlank() ? "email:" + email.strip().toLowerCase(Locale.ROOT)
                : "name:" + partnerId + ":" + name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
