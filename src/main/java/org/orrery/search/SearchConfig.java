package org.orrery.search;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the search: this node's index, the indexer that keeps it current, and the search over it. */
@Configuration
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfig {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(SearchProperties properties) {
        return new SearchIndex(properties.indexDir());
    }

    /** Not in a command-line run: the server's indexers pick up what a command changes, by its record version. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "orrery.command-line", havingValue = "false", matchIfMissing = true)
    SearchIndexer searchIndexer(SearchIndex index, PublicRecords records, SearchProperties properties) {
        return new SearchIndexer(index, records, properties);
    }

    @Bean
    RegistrySearch registrySearch(SearchIndex index, SearchProperties properties) {
        return new RegistrySearch(index, properties);
    }
}
