package id.simpul.registry.kim;

/** What a KIM works on besides spreading public information. */
public enum FocusArea {
    UMKM, TOURISM, AGRICULTURE, FISHERIES, HEALTH, EDUCATION, LITERACY, CULTURE, ENVIRONMENT, PUBLIC_SERVICES,
    DIGITAL_ECONOMY, OTHER
}
