package id.simpul.eventing.sample;

/** The consumer's own reading of parcel events: plain strings, no producer types. */
public record ParcelView(String parcelId, long version, String label) {
}
