package id.simpul.eventing.sample;

/** A minimal aggregate for testing the eventing library: a labelled parcel that can be relabelled. */
public final class Parcel {

    private final ParcelId id;
    private String label;
    private long version;

    private Parcel(ParcelId id, String label, long version) {
        this.id = id;
        this.label = label;
        this.version = version;
    }

    public static Created create(ParcelId id, String label) {
        Parcel parcel = new Parcel(id, label, 1);
        return new Created(parcel, new ParcelCreated(id, 1, label));
    }

    public ParcelRelabelled relabel(String newLabel) {
        label = newLabel;
        version++;
        return new ParcelRelabelled(id, version, newLabel);
    }

    public static Parcel restore(ParcelId id, String label, long version) {
        return new Parcel(id, label, version);
    }

    public ParcelId id() {
        return id;
    }

    public String label() {
        return label;
    }

    public long version() {
        return version;
    }

    public record Created(Parcel parcel, ParcelCreated event) {
    }
}
