package org.orrery.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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

    private long lastPoll = System.nanoTime();

    private long lastSweep = System.nanoTime();

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

    /** Indexes every record from scratch, answering searches (with what is in so far) meanwhile. */
    private void rebuild() throws IOException {
        Instant started = this.records.now();
        long startNanos = System.nanoTime();
        LOG.info("Search index {}: rebuilding from the database", this.index.path());
        this.index.clear();
        this.watermark = started;
        String after = null;
        long done = 0;
        long lastLog = System.nanoTime();
        while (!this.closed) {
            List<PublicRecord> page = this.records.page(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (PublicRecord record : page) {
                if (record.isActive()) {
                    this.index.put(record);
                }
            }
            done += page.size();
            after = page.get(page.size() - 1).orcid();
            if (System.nanoTime() - lastLog > Duration.ofSeconds(10).toNanos()) {
                LOG.info("Search index rebuild: {} records read", done);
                lastLog = System.nanoTime();
            }
            if (System.nanoTime() - this.lastPoll > this.properties.pollInterval().toNanos()) {
                this.index.refresh();
                poll();
            }
        }
        if (this.closed) {
            return;
        }
        this.index.commit(this.epoch, this.watermark);
        this.index.refresh();
        LOG.info("Search index rebuilt: {} records read, {} indexed, in {} s", done, this.index.size(),
                (System.nanoTime() - startNanos) / 1_000_000_000.0);
    }

    /** Re-indexes records changed since the watermark (less the overlap) whose version is not the indexed one. */
    private void poll() throws IOException {
        this.lastPoll = System.nanoTime();
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

    /** Compares every record's version with the index. */
    private void sweep() throws IOException {
        this.lastSweep = System.nanoTime();
        String after = null;
        while (!this.closed) {
            Map<String, Long> page = this.records.versions(after, PAGE * 5);
            if (page.isEmpty()) {
                break;
            }
            reindexStale(page);
            after = new ArrayList<>(page.keySet()).get(page.size() - 1);
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
        if (this.epoch != null && this.watermark != null && this.ready) {
            try {
                this.index.commit(this.epoch, this.watermark);
            }
            catch (Exception ex) {
                LOG.warn("Search index: last commit failed: {}", ex.toString());
            }
        }
    }
}
