package id.simpul.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: every list endpoint of Simpul answers in this shape. Pages count from 0. A list that can be
 * read on by cursor (docs/api.md) also says where the next page starts ({@code nextCursor}; absent on the last page
 * and on lists without cursors).
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages,
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              @Schema(description = "Send as ?cursor= (with the same filters) for the page after this one; "
                                      + "absent on the last page and on lists not read by cursor", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
                              String nextCursor) {

    public PageResponse(List<T> items, int page, int size, long totalItems, int totalPages) {
        this(items, page, size, totalItems, totalPages, null);
    }

    public static <T> PageResponse<T> of(List<T> items, PageQuery query, long totalItems) {
        return new PageResponse<>(items, query.page(), query.size(), totalItems, pages(totalItems, query.size()));
    }

    /** A page that starts at item {@code offset} (counting from 0) and is followed by {@code nextCursor}, if any. */
    public static <T> PageResponse<T> at(List<T> items, long offset, int size, long totalItems, String nextCursor) {
        return new PageResponse<>(items, (int) (offset / size), size, totalItems, pages(totalItems, size), nextCursor);
    }

    /** A page cut from a list that is already complete and in order. */
    public static <T> PageResponse<T> slice(List<T> all, PageQuery query) {
        int from = (int) Math.min(all.size(), (long) query.page() * query.size());
        return of(all.subList(from, Math.min(all.size(), from + query.size())), query, all.size());
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages, nextCursor);
    }

    private static int pages(long totalItems, int size) {
        return (int) ((totalItems + size - 1) / size);
    }
}
