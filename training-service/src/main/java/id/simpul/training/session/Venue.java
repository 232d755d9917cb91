package id.simpul.training.session;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * Where a training takes place: a region (any level; its province gives the time zone) and address, and/or a
 * meeting link for online participants.
 */
@ValueObject
public record Venue(String regionCode, String address, String meetingLink) {
}
