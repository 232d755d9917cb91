package id.simpul.testinfra.archviolation.core;

import org.jmolecules.event.annotation.DomainEvent;
import org.springframework.util.StringUtils;

@DomainEvent
public record ParcelShipped(String parcelId) {

    public boolean named() {
        return StringUtils.hasText(parcelId);
    }
}
