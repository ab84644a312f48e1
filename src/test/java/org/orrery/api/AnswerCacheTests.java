package org.orrery.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.orrery.record.ReadAccess;
import org.springframework.util.unit.DataSize;

/** The bounds of the answers a node keeps: entries, bytes, least recently used out first. */
class AnswerCacheTests {

    private static AnswerCache.Key key(long version) {
        return new AnswerCache.Key("0000-0002-1694-233X", version, "record", true, ReadAccess.publicApi());
    }

    @Test
    void aKeptAnswerIsRenderedOnceAndEachKeyHasItsOwn() {
        AnswerCache cache = new AnswerCache(new AnswerCacheProperties(10, DataSize.ofMegabytes(1)));
        AtomicInteger renders = new AtomicInteger();
        byte[] first = cache.answer(key(1), () -> new byte[] { (byte) renders.incrementAndGet() });
        assertThat(cache.answer(key(1), () -> new byte[] { (byte) renders.incrementAndGet() })).isSameAs(first);
        assertThat(cache.answer(key(2), () -> new byte[] { (byte) renders.incrementAndGet() })).containsExactly(2);
        var member = new AnswerCache.Key("0000-0002-1694-233X", 2, "record", true,
                ReadAccess.member("APP-TEST000000000001", Set.of("/read-public")));
        var otherMember = new AnswerCache.Key("0000-0002-1694-233X", 2, "record", true,
                ReadAccess.member("APP-TEST000000000002", Set.of("/read-public")));
        cache.put(member, new byte[] { 'a' });
        assertThat(cache.get(otherMember)).isNull();
        assertThat(cache.get(new AnswerCache.Key("0000-0002-1694-233X", 2, "record", true,
                ReadAccess.member("APP-TEST000000000001", Set.of("/read-public", "/read-limited"))))).isNull();
        assertThat(cache.get(new AnswerCache.Key("0000-0002-1694-233X", 2, "record", true,
                ReadAccess.member("APP-TEST000000000001", Set.of("/read-public"))))).containsExactly('a');
    }

    @Test
    void theLeastRecentlyUsedGoFirstOnceThereAreTooMany() {
        AnswerCache cache = new AnswerCache(new AnswerCacheProperties(3, DataSize.ofMegabytes(1)));
        for (long version = 1; version <= 3; version++) {
            cache.put(key(version), new byte[10]);
        }
        cache.get(key(1));
        cache.put(key(4), new byte[10]);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get(key(2))).isNull();
        assertThat(cache.get(key(1))).isNotNull();
        assertThat(cache.get(key(3))).isNotNull();
        assertThat(cache.get(key(4))).isNotNull();
    }

    @Test
    void bytesAreBoundedAndAnAnswerTooLargeIsNotKept() {
        AnswerCache cache = new AnswerCache(new AnswerCacheProperties(1_000, DataSize.ofKilobytes(80)));
        for (long version = 1; version <= 20; version++) {
            cache.put(key(version), new byte[9_000]);
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(80 * 1024);
        assertThat(cache.get(key(20))).isNotNull();
        assertThat(cache.get(key(1))).isNull();
        cache.put(key(21), new byte[11_000]);
        assertThat(cache.get(key(21))).isNull();
    }

    @Test
    void noEntriesMeansNothingIsKept() {
        AnswerCache cache = new AnswerCache(new AnswerCacheProperties(0, null));
        cache.put(key(1), new byte[1]);
        assertThat(cache.size()).isZero();
    }
}
