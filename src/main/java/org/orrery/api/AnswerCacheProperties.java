package org.orrery.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How many rendered answers of whole-document reads each node keeps ({@code orrery.answer-cache.*}).
 *
 * @param maxEntries the most answers kept; 0 keeps none
 * @param maxSize the most bytes of answers kept; an answer larger than an eighth of it is not kept
 */
@ConfigurationProperties("orrery.answer-cache")
public record AnswerCacheProperties(Integer maxEntries, DataSize maxSize) {

    public AnswerCacheProperties {
        maxEntries = maxEntries == null ? 2_000 : maxEntries;
        maxSize = maxSize == null ? DataSize.ofMegabytes(32) : maxSize;
        if (maxEntries < 0 || maxSize.isNegative()) {
            throw new IllegalArgumentException("orrery.answer-cache.max-entries and max-size may not be negative");
        }
    }
}
