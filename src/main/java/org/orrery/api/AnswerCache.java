package org.orrery.api;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Supplier;

import org.orrery.record.ReadAccess;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rendered answers of whole-document reads, kept on this node and reused while the record is unchanged.
 * An answer is keyed by everything its bytes depend on: the record and its version, the document, JSON or XML,
 * and what the reader may see. Every write raises the record's version in the database, so after a write,
 * through any node, the next read on every node misses and renders afresh.
 * <p>
 * Why an answer is never older than its key says: a read takes the version first and the record's contents
 * after, and writers raise the version in the transaction of their change. What was read is therefore at least
 * as new as the version it is kept under (perhaps newer, which readers of that version may see as well).
 * <p>
 * Bounded in entries and bytes ({@link AnswerCacheProperties}); the least recently used answers go first.
 * Answers of older versions stop being asked for, so they are the first to go.
 */
@Component
@EnableConfigurationProperties(AnswerCacheProperties.class)
class AnswerCache {

    /** Rough bytes of a key and its map entry, counted with each answer. */
    private static final int ENTRY_OVERHEAD = 256;

    /** What an answer's bytes depend on. */
    record Key(String orcid, long recordVersion, String document, boolean json, ReadAccess access) {
    }

    private final int maxEntries;

    private final long maxBytes;

    private final LinkedHashMap<Key, byte[]> answers = new LinkedHashMap<>(64, 0.75f, true);

    private long bytes;

    AnswerCache(AnswerCacheProperties properties) {
        this.maxEntries = properties.maxEntries();
        this.maxBytes = properties.maxSize().toBytes();
    }

    /** The kept answer, or a fresh one from {@code render}, kept if it fits. */
    byte[] answer(Key key, Supplier<byte[]> render) {
        byte[] kept = get(key);
        if (kept != null) {
            return kept;
        }
        byte[] answer = render.get();
        put(key, answer);
        return answer;
    }

    synchronized byte[] get(Key key) {
        return this.answers.get(key);
    }

    void put(Key key, byte[] answer) {
        long size = size(answer);
        if (this.maxEntries == 0 || size > this.maxBytes / 8) {
            return;
        }
        synchronized (this) {
            byte[] previous = this.answers.put(key, answer);
            this.bytes += size - (previous == null ? 0 : size(previous));
            Iterator<byte[]> eldest = this.answers.values().iterator();
            while (this.answers.size() > this.maxEntries || this.bytes > this.maxBytes) {
                this.bytes -= size(eldest.next());
                eldest.remove();
            }
        }
    }

    synchronized int size() {
        return this.answers.size();
    }

    synchronized long bytes() {
        return this.bytes;
    }

    private static long size(byte[] answer) {
        return answer.length + ENTRY_OVERHEAD;
    }
}
