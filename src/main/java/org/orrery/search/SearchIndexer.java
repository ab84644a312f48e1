package org.orrery.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.orrery.sandbox.SandboxWasReset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Keeps this node's index up to date with the database, which all nodes share: on start it rebuilds an empty
 * index or one made from another database, or catches up from the last commit's watermark; then every poll
 * interval it re-indexes the records whose {@code record_changed_at} is recent and whose version differs from
 * the indexed one (so a write through any node is searchable on every node within about a second); and every
 * sweep interval it compares all versions, for changes no poll saw. Searches are answered throughout; a rebuild
 * logs its progress. One thread does all of it, so the index sees each record's writes in order.
 */
final class SearchIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);

    private static final int PAGE = 1000;

    private static final Duration COMMIT_EVERY = Duration.ofSeconds(10);

    private static final Duration PROGRESS = Duration.ofSeconds(10);

    /**
     * How often a rebuild shows what it has so far to searches. Each refresh writes the buffered documents out as
     * a segment, so refreshing often makes many small segments to merge: at 10 s it cost about a third of a 10^5
     * rebuild.
     */
    private static final Duration REBUILD_REFRESH = Duration.ofSeconds(60);

    private final SearchIndex index;

    private final PublicRecords records;

    private final SearchProperties properties;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread named = new Thread(runnable, "search-indexer");
        named.setDaemon(true);
        return named;
    });

    private String epoch;

    private Instant watermark;

    private boolean dirty;

    private long lastCommit = System.nanoTime();

    private long lastSweep = System.nanoTime();

    private long rebuildStarted;

    /** A rebuild began and has not committed: the next tick starts it again. */
    private boolean unfinished;

    private volatile boolean ready;

    private volatile boolean closed;

    SearchIndexer(SearchIndex index, PublicRecords records, SearchProperties properties) {
        this.index = index;
        this.records = records;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        this.thread.execute(this::startUp);
        this.thread.scheduleWithFixedDelay(this::tick, this.properties.pollInterval().toMillis(),
                this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * After a sandbox reset on this node, rebuilds at once (the reset emptied {@code search_epoch} too, so every
     * other node sees a new epoch at its next poll and rebuilds as well): records the reset wiped leave the index,
     * the re-seeded ones are found.
     */
    @EventListener
    void sandboxWasReset(SandboxWasReset reset) {
        long heard = System.nanoTime();
        this.thread.execute(() -> {
            if (this.closed || this.rebuildStarted - heard > 0) {
                return;
            }
            try {
                this.epoch = this.records.epoch();
                rebuild();
            }
            catch (Exception ex) {
                LOG.warn("Search index rebuild after the sandbox reset failed; the next poll retries: {}",
                        ex.toString());
            }
        });
    }

    /** True once the index holds every record (a rebuild or catch-up finished). */
    boolean ready() {
        return this.ready;
    }

    private void startUp() {
        try {
            this.epoch = this.records.epoch();
            Instant mark = this.index.watermark();
            if (!this.epoch.equals(this.index.epoch()) || mark == null) {
                rebuild();
            }
            else {
                this.watermark = mark;
                LOG.info("Search index {} ({} records) catching up from {}", this.index.path(), this.index.size(),
                        mark);
                poll();
            }
            this.ready = true;
        }
        catch (Exception ex) {
            LOG.error("Search index start-up failed; it will be retried", ex);
        }
    }

    private void tick() {
        if (this.closed) {
            return;
        }
        try {
            if (this.epoch == null) {
                startUp();
                return;
            }
            String current = this.records.epoch();
            if (!current.equals(this.epoch) || this.unfinished) {
                LOG.info("Search index: {}", this.unfinished ? "finishing a rebuild that failed"
                        : "the database was reset or replaced (its search epoch changed)");
                this.epoch = current;
                rebuild();
                return;
            }
            poll();
            Duration sweep = this.properties.sweepInterval();
            if (!sweep.isZero() && System.nanoTime() - this.lastSweep > sweep.toNanos()) {
                sweep();
            }
        }
        catch (Exception ex) {
            LOG.warn("Search index update failed; retrying at the next poll: {}", ex.toString());
        }
    }

    /**
     * Indexes every record from scratch, answering searches (with what is in so far, refreshed every
     * {@link #REBUILD_REFRESH}) meanwhile. This thread reads pages of records in iD order; a pool of one worker per core
     * builds and adds their documents into a large buffer, with no commit until the end. Writes made during the
     * rebuild are picked up by the poll that follows it (the watermark is the rebuild's start).
     */
    private void rebuild() throws IOException, InterruptedException {
        Instant started = this.records.now();
        long startNanos = System.nanoTime();
        this.rebuildStarted = startNanos;
        this.unfinished = true;
        LOG.info("Search index {}: rebuilding from the database", this.index.path());
        this.index.clear();
        this.watermark = started;
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread named = new Thread(runnable, "search-rebuild");
            named.setDaemon(true);
            return named;
        });
        Semaphore inFlight = new Semaphore(workers * 2);
        Deque<Future<?>> pending = new ArrayDeque<>();
        this.index.buffer(rebuildBufferMb());
        long read = 0;
        try {
            String after = null;
            long lastLog = System.nanoTime();
            long lastRefresh = System.nanoTime();
            while (!this.closed) {
                List<PublicRecord> page = this.records.page(after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                inFlight.acquire();
                pending.add(pool.submit(() -> {
                    try {
                        for (PublicRecord record : page) {
                            if (record.isActive()) {
                                this.index.add(record);
                            }
                        }
                        return null;
                    }
                    finally {
                        inFlight.release();
                    }
                }));
                read += page.size();
                after = page.get(page.size() - 1).orcid();
                while (!pending.isEmpty() && pending.peekFirst().isDone()) {
                    finish(pending.pollFirst());
                }
                if (System.nanoTime() - lastLog > PROGRESS.toNanos()) {
                    double secs = (System.nanoTime() - startNanos) / 1e9;
                    LOG.info("Search index rebuild: {} records read in {} s ({} a second)", read, Math.round(secs),
                            Math.round(read / secs));
                    lastLog = System.nanoTime();
                }
                if (System.nanoTime() - lastRefresh > REBUILD_REFRESH.toNanos()) {
                    this.index.refresh();
                    lastRefresh = System.nanoTime();
                }
            }
            while (!pending.isEmpty()) {
                finish(pending.pollFirst());
            }
        }
        finally {
            pool.shutdown();
            this.index.buffer(SearchIndex.BUFFER_MB);
        }
        if (this.closed) {
            return;
        }
        this.index.commit(this.epoch, this.watermark);
        this.lastCommit = System.nanoTime();
        this.unfinished = false;
        this.index.refresh();
        LOG.info("Search index rebuilt: {} records read, {} indexed, in {} s", read, this.index.size(),
                (System.nanoTime() - startNanos) / 1_000_000_000.0);
    }

    private static void finish(Future<?> work) throws IOException, InterruptedException {
        try {
            work.get();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    /** A quarter of the heap, at most 256 MB: a bigger buffer makes fewer segments to merge. */
    private static double rebuildBufferMb() {
        return Math.max(SearchIndex.BUFFER_MB, Math.min(256, Runtime.getRuntime().maxMemory() / 4 / 1_000_000));
    }

    /** Re-indexes records changed since the watermark (less the overlap) whose version is not the indexed one. */
    private void poll() throws IOException {
        Instant now = this.records.now();
        Map<String, Long> changed = this.records.changedSince(this.watermark.minus(this.properties.overlap()));
        reindexStale(changed);
        this.watermark = now;
        if (this.dirty) {
            this.index.refresh();
            if (System.nanoTime() - this.lastCommit > COMMIT_EVERY.toNanos()) {
                this.index.commit(this.epoch, this.watermark);
                this.lastCommit = System.nanoTime();
                this.dirty = false;
            }
        }
    }

    /**
     * Compares every record's version with the index, page by page in iD order, and removes from the index the
     * records the database no longer has (deleted outright: no change time tells a poll).
     */
    private void sweep() throws IOException {
        this.lastSweep = System.nanoTime();
        String after = null;
        while (!this.closed) {
            Map<String, Long> page = this.records.versions(after, PAGE * 5);
            String last = page.isEmpty() ? null : new ArrayList<>(page.keySet()).get(page.size() - 1);
            for (String orcid : this.index.ids(after, last)) {
                if (!page.containsKey(orcid)) {
                    this.index.remove(orcid);
                    this.dirty = true;
                }
            }
            if (page.isEmpty()) {
                break;
            }
            reindexStale(page);
            after = last;
        }
        if (this.dirty) {
            this.index.refresh();
        }
    }

    private void reindexStale(Map<String, Long> versions) throws IOException {
        for (List<String> chunk : chunks(new ArrayList<>(versions.keySet()), PAGE)) {
            Map<String, Long> indexed = this.index.versions(chunk);
            List<String> stale = new ArrayList<>();
            for (String orcid : chunk) {
                Long have = indexed.get(orcid);
                if (have == null || !have.equals(versions.get(orcid))) {
                    stale.add(orcid);
                }
            }
            if (stale.isEmpty()) {
                continue;
            }
            Map<String, PublicRecord> found = new LinkedHashMap<>();
            for (PublicRecord record : this.records.find(stale)) {
                found.put(record.orcid(), record);
            }
            for (String orcid : stale) {
                PublicRecord record = found.get(orcid);
                if (record == null) {
                    if (indexed.containsKey(orcid)) {
                        this.index.remove(orcid);
                        this.dirty = true;
                    }
                }
                else if (record.isActive() || indexed.containsKey(orcid)) {
                    this.index.put(record);
                    this.dirty = true;
                }
            }
        }
    }

    private static List<List<String>> chunks(List<String> all, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    /**
     * Stops after the step under way. The thread is never interrupted: an interrupt during I/O closes the file
     * channels of the embedded database and of the index, which would break them for everyone else in the process.
     */
    @Override
    public void close() throws Exception {
        this.closed = true;
        this.thread.shutdown();
        if (!this.thread.awaitTermination(60, TimeUnit.SECONDS)) {
            LOG.warn("Search indexer still busy after 60 s; closing without a last commit");
            return;
        }
        if (this.epoch != null && this.watermark != null && this.ready && !this.unfinished) {
            try {
                this.index.commit(this.epoch, this.watermark);
            }
            catch (Exception ex) {
                LOG.warn("Search index: last commit failed: {}", ex.toString());
            }
        }
    }
}
