package org.orrery.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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
        Samples samples = new Samples(concurrency);
        AtomicLong lastFinish = new AtomicLong(measureFrom);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                long now = System.nanoTime();
                while (now < end) {
                    boolean measured = now >= measureFrom;
                    try {
                        operation.run(worker);
                        long done = System.nanoTime();
                        if (measured) {
                            samples.latency(worker, done - now);
                        }
                        now = done;
                    }
                    catch (Exhausted ex) {
                        samples.note(exhausted(measured));
                        break;
                    }
                    catch (Exception ex) {
                        if (measured) {
                            samples.error(ex);
                        }
                        now = System.nanoTime();
                    }
                }
                lastFinish.accumulateAndGet(Math.min(now, end), Math::max);
            }, "load-" + w);
            thread.start();
            workers.add(thread);
        }
        return watch(scenario, concurrency, workers, measureFrom, lastFinish, server, samples);
    }

    static String exhausted(boolean measured) {
        return "prepared work ran out " + (measured ? "during the measurement" : "during the warm-up")
                + "; prepare more (--codes)";
    }

    /**
     * Waits for the started workers, reading the server's CPU time from {@code measureFrom} on and its RSS every
     * 250 ms, and sums up. The measured window ends at {@code lastFinish}, as the workers left it.
     */
    static Result watch(String scenario, int concurrency, List<Thread> workers, long measureFrom,
            AtomicLong lastFinish, ProcessMeter server, Samples samples) throws InterruptedException {
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
        long[] all = samples.sorted();
        double cpuPercent = cpuBefore < 0 || cpuAfter < 0 ? -1 : 100.0 * (cpuAfter - cpuBefore) / measuredNanos;
        return new Result(scenario, concurrency, measuredNanos / 1e9, all.length, Samples.percentileMillis(all, 50),
                Samples.percentileMillis(all, 99), samples.errors(), samples.firstError(), cpuPercent, peakRss,
                ProcessMeter.machineLoad());
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

        /** Server CPU time per operation in milliseconds, or -1 when unknown. */
        double serverCpuMillisPerOperation() {
            return this.serverCpuPercent < 0 || this.operations == 0 ? -1
                    : this.serverCpuPercent * 10 * this.seconds / this.operations;
        }
    }
}
