package org.orrery.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The best {@code wanted} hits of a query in the default order (score, then iD, so that every node pages alike)
 * without scoring every match: one pass collects twice as many as wanted by score alone, letting Lucene skip the
 * records that cannot reach them, and orders them by score and iD. That is exact unless records tied with the last
 * wanted one could have been left out (a query whose matches all score alike, such as {@code *:*}); then it says
 * so, and the caller orders every match. Pays for a small page of a query that matches many records (the quick
 * search of a common name: tens of thousands at 10^6 records); the number found is counted apart, without scores.
 */
final class RelevancePage {

    private RelevancePage() {
    }

    /** Pages no longer than this take the shortcut: for longer ones, skipping saves less than it costs. */
    static final int MAX_WANTED = 100;

    /**
     * The best {@code wanted} hits by score descending, then iD ascending, of a query that matches more than that;
     * null when ties reach past what one pass can order (order every match instead).
     */
    static ScoreDoc[] top(IndexSearcher searcher, Query query, int wanted) throws IOException {
        int room = wanted * 2;
        ScoreDoc[] best = searcher.search(query, new TopScoreDocCollectorManager(room, null, room)).scoreDocs;
        if (best.length <= wanted) {
            return ordered(withIds(searcher, best), wanted);
        }
        float floor = best[wanted - 1].score;
        // Scores may differ in their last bits from segment to segment: treat those as ties.
        float low = floor - 4 * Math.ulp(floor);
        if (best.length == room && best[room - 1].score >= low) {
            return null;
        }
        return ordered(withIds(searcher, best), wanted);
    }

    private static ScoreDoc[] ordered(List<Hit> hits, int wanted) {
        hits.sort(Comparator.comparingDouble((Hit hit) -> -hit.score()).thenComparing(Hit::orcid));
        ScoreDoc[] page = new ScoreDoc[Math.min(wanted, hits.size())];
        for (int i = 0; i < page.length; i++) {
            page[i] = new ScoreDoc(hits.get(i).doc(), hits.get(i).score());
        }
        return page;
    }

    private static List<Hit> withIds(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Hit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc.doc, leaves));
            hits.add(new Hit(doc.doc, doc.score, orcid(DocValues.getSorted(leaf.reader(), RecordDocument.SORT_ORCID),
                    doc.doc - leaf.docBase)));
        }
        return hits;
    }

    private static String orcid(SortedDocValues ids, int doc) throws IOException {
        return ids.advanceExact(doc) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : "";
    }

    private record Hit(int doc, float score, String orcid) {
    }
}
