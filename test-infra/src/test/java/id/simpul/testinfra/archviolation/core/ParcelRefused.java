package id.simpul.testinfra.archviolation.core;

import org.springframework.util.StringUtils;

public class ParcelRefused extends RuntimeException {

    public ParcelRefused(String status) {
        super(StringUtils.quote(status));
    }
}
