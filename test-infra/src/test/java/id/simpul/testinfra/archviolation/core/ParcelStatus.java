package id.simpul.testinfra.archviolation.core;

import org.springframework.util.StringUtils;

public enum ParcelStatus {
    PACKED, SHIPPED;

    public String label() {
        return StringUtils.capitalize(name().toLowerCase());
    }
}
