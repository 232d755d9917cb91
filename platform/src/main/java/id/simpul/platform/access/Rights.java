package id.simpul.platform.access;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rights a service checks, by name: a bean of each service (several beans are merged by {@link Access}). */
public final class Rights {

    private final Map<String, Right> byName = new LinkedHashMap<>();

    private Rights(Collection<Right> rights) {
        for (Right right : rights) {
            if (byName.putIfAbsent(right.name(), right) != null) {
                throw new IllegalArgumentException("The right " + right.name() + " is defined twice");
            }
        }
    }

    public static Rights of(Right... rights) {
        return new Rights(List.of(rights));
    }

    static Rights merged(Collection<Rights> all) {
        return new Rights(all.stream().flatMap(rights -> rights.byName.values().stream()).toList());
    }

    public Optional<Right> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Right> all() {
        return byName.values();
    }
}
