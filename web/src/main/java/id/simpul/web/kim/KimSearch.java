package id.simpul.web.kim;

import org.springframework.web.util.UriBuilder;

import java.net.URI;

/** The KIM list's filters as the page holds them, and the registry query they make (20 a page). */
public record KimSearch(String q, String status, String focusArea, String hasMedia, String sort, int page) {

    static final int SIZE = 20;

    public URI uri(UriBuilder builder) {
        builder.path("/api/kims").queryParam("sort", sort).queryParam("page", page).queryParam("size", SIZE);
        if (q != null && !q.isBlank()) {
            builder.queryParam("q", q.strip());
        }
        if (status != null && KimPages.STATUSES.contains(status)) {
            builder.queryParam("status", status);
        }
        if (focusArea != null && KimPages.FOCUS_AREAS.contains(focusArea)) {
            builder.queryParam("focusArea", focusArea);
        }
        if ("true".equals(hasMedia) || "false".equals(hasMedia)) {
            builder.queryParam("hasMedia", hasMedia);
        }
        return builder.build();
    }

    /** The query string of this search on another page, for the pager's links. */
    public String onPage(int other) {
        StringBuilder query = new StringBuilder("?page=").append(other).append("&sort=").append(encode(sort));
        append(query, "q", q);
        append(query, "status", status);
        append(query, "focusArea", focusArea);
        append(query, "hasMedia", hasMedia);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
