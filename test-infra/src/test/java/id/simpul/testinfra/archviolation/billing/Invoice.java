package id.simpul.testinfra.archviolation.billing;

import id.simpul.testinfra.archviolation.shipping.Shipment;

import java.util.List;

public record Invoice(String id, List<Shipment> shipments) {
}
