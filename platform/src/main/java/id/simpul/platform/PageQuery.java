package id.simpul.platform;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springdoc.core.annotations.ParameterObject;

/**
 * {@code ?page=0&size=20}: which page of a list, bound from the query string and validated (size 1 to 100). The
 * OpenAPI documents show them as the two plain query parameters they are ({@link ParameterObject}).
 */
@ParameterObject
public record PageQuery(
        @Parameter(description = "Which page, counting from 0", schema = @Schema(type = "integer", format = "int32", defaultValue = "0", minimum = "0"))
        @Min(0) Integer page,
        @Parameter(description = "How many items a page holds, 1 to " + PageQuery.MAX_SIZE,
                schema = @Schema(type = "integer", format = "int32", defaultValue = "" + PageQuery.DEFAULT_SIZE, minimum = "1", maximum = "" + PageQuery.MAX_SIZE))
        @Min(1) @Max(PageQuery.MAX_SIZE) Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
    }

    public long offset() {
        return (long) page * size;
    }
}
