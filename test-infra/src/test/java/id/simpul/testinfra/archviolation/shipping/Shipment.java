package id.simpul.testinfra.archviolation.shipping;

import id.simpul.testinfra.archviolation.billing.Invoice;

public record Shipment(String id, Invoice invoice) {
}
