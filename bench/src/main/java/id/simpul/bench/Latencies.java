package id.simpul.bench;

import java.util.Arrays;

/** Latencies of a run of requests, in nanoseconds, sorted; percentiles in milliseconds. */
record Latencies(long[] sorted) {

    static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    /** The {@code percent} percentile in ms (nearest rank); 100 is the maximum. */
    double ms(int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
    }

    String summary() {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", ms(50), ms(95), ms(99), ms(100));
    }
}
