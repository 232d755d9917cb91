package id.simpul.registry.kim;

/** How a list of KIMs is ordered: {@code ?sort=name,asc} (the default), registeredAt, updatedAt or memberCount. */
public record KimSort(Field field, boolean ascending) {

    public enum Field {
        NAME(KimMapping.NAME_SORT), REGISTERED_AT(KimMapping.REGISTERED_AT), UPDATED_AT(KimMapping.UPDATED_AT),
        MEMBER_COUNT(KimMapping.MEMBER_COUNT);

        final String storedField;

        Field(String storedField) {
            this.storedField = storedField;
        }
    }

    public static final KimSort DEFAULT = new KimSort(Field.NAME, true);

    /** Reads {@code name}, {@code registeredAt,desc}, ...; an IllegalArgumentException names what is accepted. */
    public static KimSort parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String[] parts = text.split(",");
        Field field = switch (parts[0].strip()) {
            case "name" -> Field.NAME;
            case "registeredAt" -> Field.REGISTERED_AT;
            case "updatedAt" -> Field.UPDATED_AT;
            case "memberCount" -> Field.MEMBER_COUNT;
            default -> throw new IllegalArgumentException("sort by name, registeredAt, updatedAt or memberCount");
        };
        if (parts.length > 2 || (parts.length == 2 && !parts[1].strip().matches("(?i)asc|desc"))) {
            throw new IllegalArgumentException("direction must be asc or desc, as in name,asc");
        }
        return new KimSort(field, parts.length < 2 || parts[1].strip().equalsIgnoreCase("asc"));
    }
}
