package id.simpul.testinfra.archviolation.core;

import org.springframework.util.StringUtils;

/** An enum no aggregate, value object or event uses: outside the domain core, so free to use Spring. */
public enum CourierChoice {
    CHEAPEST, FASTEST;

    public String label() {
        return StringUtils.capitalize(name().toLowerCase());
    }
}
