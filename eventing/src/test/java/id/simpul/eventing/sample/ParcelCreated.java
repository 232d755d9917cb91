package id.simpul.eventing.sample;

public record ParcelCreated(ParcelId parcelId, long version, String label) {
}
