package id.simpul.eventing.sample;

public record ParcelRelabelled(ParcelId parcelId, long version, String label) {
}
