package id.simpul.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list: every list endpoint of Simpul answers in this shape. Pages count from 0. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, PageQuery query, long totalItems) {
        return new PageResponse<>(items, query.page(), query.size(), totalItems,
                (int) ((totalItems + query.size() - 1) / query.size()));
    }

    /** A page cut from a list that is already complete and in order. */
    public static <T> PageResponse<T> slice(List<T> all, PageQuery query) {
        int from = (int) Math.min(all.size(), (long) query.page() * query.size());
        return of(all.subList(from, Math.min(all.size(), from + query.size())), query, all.size());
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
