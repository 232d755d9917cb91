package id.simpul.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a list is ordered: {@code ?sort=field} or {@code ?sort=field,asc|desc}, one field, the same in every service.
 * Each list declares the fields it sorts by (the API's name and the stored field) and its default; anything else is
 * a {@code 400} naming the fields allowed. The id breaks ties, so pages never overlap.
 */
public record Sorting(String field, String storedField, boolean ascending) {

    /** The sort fields of one list, in the order they are documented; the first is the default. */
    public record Fields(Map<String, String> storedByName, Sorting defaultOrder) {

        /** {@code Fields.of("name", "nameKey", "registeredAt", "registeredAt")}: API name, stored field, … */
        public static Fields of(boolean defaultAscending, String... namesAndStoredFields) {
            if (namesAndStoredFields.length == 0 || namesAndStoredFields.length % 2 != 0) {
                throw new IllegalArgumentException("name and stored field in pairs");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < namesAndStoredFields.length; i += 2) {
                fields.put(namesAndStoredFields[i], namesAndStoredFields[i + 1]);
            }
            String first = namesAndStoredFields[0];
            return new Fields(Map.copyOf(fields), new Sorting(first, fields.get(first), defaultAscending))
                    .ordered(List.copyOf(fields.keySet()));
        }

        private Fields ordered(List<String> names) {
            Map<String, String> inOrder = new LinkedHashMap<>();
            names.forEach(n -> inOrder.put(n, storedByName.get(n)));
            return new Fields(java.util.Collections.unmodifiableMap(inOrder), defaultOrder);
        }

        public List<String> names() {
            return List.copyOf(storedByName.keySet());
        }

        /** The value an API document shows for {@code sort}: {@code name,asc}. */
        public String defaultSpec() {
            return defaultOrder.spec();
        }

        /** The one {@code static final Sorting.Fields} constant of {@code holder} (see {@link SortedBy}). */
        public static Fields of(Class<?> holder) {
            List<Fields> found = new java.util.ArrayList<>();
            for (java.lang.reflect.Field field : holder.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == Fields.class) {
                    field.setAccessible(true);
                    try {
                        found.add((Fields) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            if (found.size() != 1) {
                throw new IllegalArgumentException(holder.getName() + " must hold exactly one static Sorting.Fields constant");
            }
            return found.getFirst();
        }

        /** Every value {@link #parse} takes: {@code name}, {@code name,asc}, {@code name,desc}, … */
        public List<String> specs() {
            return names().stream().flatMap(n -> java.util.stream.Stream.of(n, n + ",asc", n + ",desc")).toList();
        }

        /** Reads {@code ?sort=}; null or blank is the default order. */
        public Sorting parse(String spec) {
            if (spec == null || spec.isBlank()) {
                return defaultOrder;
            }
            String[] parts = spec.split(",", -1);
            String name = parts[0].strip();
            if (!storedByName.containsKey(name)) {
                throw invalid("sort by one of " + String.join(", ", names()) + ", optionally followed by ,asc or ,desc");
            }
            if (parts.length > 2 || (parts.length == 2 && !parts[1].strip().matches("(?i)asc|desc"))) {
                throw invalid("the direction after the comma must be asc or desc, as in " + name + ",desc");
            }
            return new Sorting(name, storedByName.get(name), parts.length < 2 || parts[1].strip().equalsIgnoreCase("asc"));
        }

        private static RuntimeException invalid(String message) {
            return Problems.exception(Problems.invalid(List.of(new ProblemDetailsAdvice.FieldProblem("sort", message))));
        }
    }

    public String spec() {
        return field + "," + (ascending ? "asc" : "desc");
    }

    /** Orders a list held in memory the same way; {@code key} gives the value of {@link #field()}. */
    public <T> java.util.Comparator<T> comparator(java.util.function.BiFunction<T, String, Comparable<?>> key,
                                                  java.util.function.Function<T, String> id) {
        java.util.Comparator<T> byField = java.util.Comparator.comparing(t -> comparable(key.apply(t, field)),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        if (!ascending) {
            byField = byField.reversed();
        }
        return byField.thenComparing(id);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable<Object> comparable(Comparable<?> value) {
        return (Comparable) value;
    }
}
