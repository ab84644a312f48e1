package org.orrery.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one operation from a fixed number of threads, first for a warm-up that is not measured, then for a fixed
 * duration that is: every operation's latency, the errors, and the server's CPU time and peak resident memory.
 * A worker stops early when its operation throws {@link Exhausted} (a pool of prepared work ran dry).
 */
final class LoadRun {

    /** An operation of a scenario, run by worker {@code worker} (0 … concurrency-1). */
    interface Operation {
        void run(int worker) throws Exception;
    }

    /** Thrown by an operation that has no more prepared work. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("prepared work ran out", null, false, false);
        }
    }

    private LoadRun() {
    }

    static Result run(String scenario, int concurrency, Duration warmup, Duration duration, ProcessMeter server,
            Operation operation) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        AtomicLong errors = new AtomicLong();
        AtomicLong lastFinish = new AtomicLong(measureFrom);
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            latencies[w] = new long[1024];
            Thread thread = new Thread(() -> {
                long now = System.nanoTime();
                while (now < end) {
                    boolean measured = now >= measureFrom;
                    try {
                        operation.run(worker);
                        long done = System.nanoTime();
                        if (measured) {
                            if (counts[worker] == latencies[worker].length) {
                                latencies[worker] = Arrays.copyOf(latencies[worker], counts[worker] * 2);
                            }
                            latencies[worker][counts[worker]++] = done - now;
                        }
                        now = done;
                    }
                    catch (Exhausted ex) {
                        firstError.compareAndSet(null, "prepared work ran out " + (measured ? "during the measurement"
                                : "during the warm-up") + "; prepare more (--codes)");
                        break;
                    }
                    catch (Exception ex) {
                        if (measured) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
                        }
                        now = System.nanoTime();
                    }
                }
                lastFinish.accumulateAndGet(Math.min(now, end), Math::max);
            }, "load-" + w);
            thread.start();
            workers.add(thread);
        }
        long sleep = (measureFrom - System.nanoTime()) / 1_000_000;
        if (sleep > 0) {
            Thread.sleep(sleep);
        }
        long cpuBefore = server.cpuNanos();
        long peakRss = server.rssMib();
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                worker.join(250);
                peakRss = Math.max(peakRss, server.rssMib());
            }
        }
        long measuredNanos = Math.max(1, lastFinish.get() - measureFrom);
        long cpuAfter = server.cpuNanos();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        double cpuPercent = cpuBefore < 0 || cpuAfter < 0 ? -1 : 100.0 * (cpuAfter - cpuBefore) / measuredNanos;
        return new Result(scenario, concurrency, measuredNanos / 1e9, total, percentile(all, 50), percentile(all, 99),
                errors.get(), firstError.get(), cpuPercent, peakRss, ProcessMeter.machineLoad());
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /**
     * What one measured run gives: counts, latencies in milliseconds, server CPU (% of one core), RSS, and the
     * machine's load averages at its end.
     */
    record Result(String scenario, int concurrency, double seconds, long operations, double p50Millis,
            double p99Millis, long errors, String firstError, double serverCpuPercent, long serverPeakRssMib,
            String machineLoad) {

        double throughput() {
            return this.operations / this.seconds;
        }
    }
}
