package org.orrery.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one operation open-loop at a fixed rate: operation {@code i} is due at {@code start + i / rate}, whatever
 * happened to the ones before, and the next free worker takes it. Latency is measured from the due time, not from
 * the moment a worker got to it, so time spent queued behind a slow answer counts (no coordinated omission).
 * Warm-up and measured window as in {@link LoadRun}: an operation is measured when it is due inside the window.
 */
final class PacedRun {

    private PacedRun() {
    }

    static LoadRun.Result run(String label, int concurrency, double perSecond, Duration warmup, Duration duration,
            ProcessMeter server, LoadRun.Operation operation) throws InterruptedException {
        double nanosApart = 1e9 / perSecond;
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        // A server far slower than the rate would keep the workers busy for ever; past this they stop starting.
        long giveUpAt = end + duration.toNanos();
        Samples samples = new Samples(concurrency);
        AtomicLong next = new AtomicLong();
        // The window is the schedule's at least; answers still coming after it lengthen it.
        AtomicLong lastFinish = new AtomicLong(end);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                while (true) {
                    long due = start + (long) (next.getAndIncrement() * nanosApart);
                    if (due >= end) {
                        break;
                    }
                    boolean measured = due >= measureFrom;
                    if (System.nanoTime() > giveUpAt) {
                        // Counted, not left out: leaving them out would flatter the latencies.
                        if (measured) {
                            samples.errors(1, "operations due were never started: the server fell more than "
                                    + duration.toSeconds() + " s behind the schedule");
                        }
                        continue;
                    }
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        operation.run(worker);
                        long done = System.nanoTime();
                        if (measured) {
                            samples.latency(worker, done - due);
                            lastFinish.accumulateAndGet(done, Math::max);
                        }
                    }
                    catch (LoadRun.Exhausted ex) {
                        samples.note(LoadRun.exhausted(measured));
                        break;
                    }
                    catch (Exception ex) {
                        if (measured) {
                            samples.error(ex);
                        }
                    }
                }
            }, "paced-" + w);
            thread.start();
            workers.add(thread);
        }
        return LoadRun.watch(label, concurrency, workers, measureFrom, lastFinish, server, samples);
    }
}
