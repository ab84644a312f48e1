package org.orrery.search;

import java.util.List;

/** How many records match, and the page of them asked for. */
public record SearchResult(long numFound, List<SearchHit> hits) {
}
