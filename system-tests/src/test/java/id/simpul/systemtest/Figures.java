package id.simpul.systemtest;

import id.simpul.testinfra.Http;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Reading reporting-service's figures in system tests: numbers at JSON paths, settled answers, differences. */
final class Figures {

    private final Http reporting;

    Figures(Http reporting) {
        this.reporting = reporting;
    }

    /** The answer at {@code path} once it stayed the same (apart from its time) for two seconds. */
    Http.Response settled(String path) {
        Http.Response[] last = {null};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Http.Response now = reporting.get(path);
            boolean same = last[0] != null && withoutTime(last[0]).equals(withoutTime(now));
            last[0] = now;
            return same;
        });
        return last[0];
    }

    /** The answer at {@code path} once {@code ready} holds for it. */
    Http.Response when(String path, Predicate<Http.Response> ready) {
        Http.Response[] last = {null};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> ready.test(last[0] = reporting.get(path)));
        return last[0];
    }

    private static String withoutTime(Http.Response response) {
        return response.body().replaceAll("\"updatedAt\":\"[^\"]*\"", "");
    }

    static long number(Http.Response response, String path) {
        return ((Number) response.json(path)).longValue();
    }

    static List<Long> numbers(Http.Response response, String object, String... fields) {
        return java.util.Arrays.stream(fields).map(field -> number(response, object + "." + field)).toList();
    }

    static long delta(Http.Response before, Http.Response after, String path) {
        return number(after, path) - number(before, path);
    }
}
