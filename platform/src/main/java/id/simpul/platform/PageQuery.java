package id.simpul.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code ?page=0&size=20}: which page of a list, bound from the query string and validated (size 1 to 100).
 */
public record PageQuery(@Min(0) Integer page, @Min(1) @Max(100) Integer size) {

    public static final int DEFAULT_SIZE = 20;

    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
    }

    public long offset() {
        return (long) page * size;
    }
}
