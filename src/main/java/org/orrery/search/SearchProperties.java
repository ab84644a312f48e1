package org.orrery.search;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The registry search's settings ({@code orrery.search.*}).
 *
 * @param indexDir where this node keeps its Lucene index (default {@code ./data/search-index}); when another node
 * on the same machine already holds it, this node builds its own under the system's temporary directory
 * @param pollInterval how often the node looks for records changed through any node (default 500 ms)
 * @param overlap how far back each poll looks again, for writes whose transaction committed late (default 10 s)
 * @param sweepInterval how often the node compares every record's version with its index, for changes no poll
 * saw (default 10 min; 0 turns the sweep off)
 * @param timeout the most time one query may take before it answers with what it found so far (default 2 s)
 */
@ConfigurationProperties("orrery.search")
public record SearchProperties(Path indexDir, Duration pollInterval, Duration overlap, Duration sweepInterval,
        Duration timeout) {

    public SearchProperties {
        indexDir = indexDir == null ? Path.of("data", "search-index") : indexDir;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        overlap = overlap == null ? Duration.ofSeconds(10) : overlap;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(10) : sweepInterval;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }
}
