package id.simpul.eventing.sample;

import id.simpul.eventing.Identifier;

public record ParcelId(String value) implements Identifier {
}
