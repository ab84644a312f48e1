package org.orrery.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the workers of one run record: the latency of each measured operation (one array per worker, so no
 * locking; read only after the workers have been joined), the number of errors and the first error or note.
 */
final class Samples {

    private final long[][] latencies;

    private final int[] counts;

    private final AtomicLong errors = new AtomicLong();

    private final AtomicReference<String> firstError = new AtomicReference<>();

    Samples(int workers) {
        this.latencies = new long[workers][1024];
        this.counts = new int[workers];
    }

    void latency(int worker, long nanos) {
        if (this.counts[worker] == this.latencies[worker].length) {
            this.latencies[worker] = Arrays.copyOf(this.latencies[worker], this.counts[worker] * 2);
        }
        this.latencies[worker][this.counts[worker]++] = nanos;
    }

    void error(Exception ex) {
        errors(1, ex.getClass().getSimpleName() + ": " + ex.getMessage());
    }

    void errors(long count, String description) {
        this.errors.addAndGet(count);
        note(description);
    }

    /** Keeps the description if it is the first error or note of the run. */
    void note(String description) {
        this.firstError.compareAndSet(null, description);
    }

    long errors() {
        return this.errors.get();
    }

    String firstError() {
        return this.firstError.get();
    }

    /** All recorded latencies, sorted. */
    long[] sorted() {
        long[] all = new long[Arrays.stream(this.counts).sum()];
        int at = 0;
        for (int w = 0; w < this.counts.length; w++) {
            System.arraycopy(this.latencies[w], 0, all, at, this.counts[w]);
            at += this.counts[w];
        }
        Arrays.sort(all);
        return all;
    }

    /** The p-th percentile of sorted latencies, in milliseconds (nearest rank). */
    static double percentileMillis(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
