package id.simpul.platform.access;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A right of docs/access.md, such as {@code kim.register}: which roles hold it and how far ({@link Grant}).
 * {@linkplain #isPublic() Public} rights are also held by anonymous callers, unless {@code simpul.access.public-reads}
 * is {@code false}. A role not named does not hold it: everything not granted is refused.
 */
public final class Right {

    private final String name;
    private final Map<Role, Grant> grants;
    private final boolean isPublic;

    private Right(String name, Map<Role, Grant> grants, boolean isPublic) {
        this.name = name;
        this.grants = Collections.unmodifiableMap(new EnumMap<>(grants));
        this.isPublic = isPublic;
    }

    /** A right that no role holds yet. */
    public static Right named(String name) {
        if (name == null || !name.matches("[a-z][a-z-]*(\\.[a-z][a-z-]*)+")) {
            throw new IllegalArgumentException("A right is named like kim.register: " + name);
        }
        return new Right(name, new EnumMap<>(Role.class), false);
    }

    /** Held by everyone, anonymous callers too (while public reads are open). */
    public Right anyone() {
        Map<Role, Grant> all = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            all.put(role, Grant.ALL);
        }
        return new Right(name, all, true);
    }

    public Right all(Role... roles) {
        return with(Grant.ALL, roles);
    }

    public Right scope(Role... roles) {
        return with(Grant.SCOPE, roles);
    }

    public Right own(Role... roles) {
        return with(Grant.OWN, roles);
    }

    public Right fourEyes(Role... roles) {
        return with(Grant.FOUR_EYES, roles);
    }

    private Right with(Grant grant, Role... roles) {
        Map<Role, Grant> more = new EnumMap<>(Role.class);
        more.putAll(grants);
        Arrays.stream(roles).forEach(role -> more.put(role, grant));
        return new Right(name, more, isPublic);
    }

    public String name() {
        return name;
    }

    public boolean isPublic() {
        return isPublic;
    }

    public Optional<Grant> grantOf(Role role) {
        return Optional.ofNullable(grants.get(role));
    }

    public Map<Role, Grant> grants() {
        return grants;
    }

    @Override
    public String toString() {
        return name + (isPublic ? " (public) " : " ") + grants;
    }
}
