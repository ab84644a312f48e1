package org.orrery.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Searches this node's index of public records: {@link SearchParameters} in, the number found and one page of
 * hits out. A query that runs past the configured timeout answers with what it found by then.
 */
public class RegistrySearch {

    private static final Set<String> SHOWN = Set.of(SearchFields.ORCID, RecordDocument.SHOW_GIVEN,
            RecordDocument.SHOW_FAMILY, RecordDocument.SHOW_CREDIT, RecordDocument.SHOW_OTHER,
            RecordDocument.SHOW_EMAIL, RecordDocument.SHOW_INSTITUTION, RecordDocument.SHOW_CURRENT,
            RecordDocument.SHOW_PAST);

    private final SearchIndex index;

    private final SearchProperties properties;

    private final QueryBuilder queries = new QueryBuilder();

    RegistrySearch(SearchIndex index, SearchProperties properties) {
        this.index = index;
        this.properties = properties;
    }

    /** Runs the search; {@link SearchQueryException} when the parameters cannot be run. */
    public SearchResult search(SearchParameters parameters, int start, int rows) {
        QueryBuilder.Built built = this.queries.build(parameters);
        IndexSearcher shared;
        try {
            shared = this.index.searchers().acquire();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try {
            // A searcher of its own over the shared reader, so that this request's timeout is its own.
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setTimeout(new QueryTimeoutImpl(this.properties.timeout().toMillis()));
            int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
            int wanted = (int) Math.min((long) start + rows, maxDoc);
            if (rows == 0 || start >= maxDoc) {
                return new SearchResult(searcher.count(built.matching()), List.of());
            }
            boolean shortcut = built.byRelevance() && wanted <= RelevancePage.MAX_WANTED;
            long found = shortcut ? searcher.count(built.matching()) : -1;
            ScoreDoc[] docs = found > wanted ? RelevancePage.top(searcher, built.query(), wanted) : null;
            if (docs == null) {
                TopFieldDocs top = searcher.search(built.query(),
                        new TopFieldCollectorManager(built.sort(), Math.max(1, wanted), null, Integer.MAX_VALUE));
                found = top.totalHits.value;
                docs = top.scoreDocs;
            }
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = start; i < docs.length && i < start + rows; i++) {
                hits.add(hit(stored.document(docs[i].doc, SHOWN)));
            }
            return new SearchResult(found, hits);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (IndexSearcher.TooManyClauses ex) {
            throw new SearchQueryException("The query matches too many terms; make it more specific");
        }
        catch (RuntimeException ex) {
            if (ex.getClass().getSimpleName().equals("TooComplexToDeterminizeException")) {
                throw new SearchQueryException("A regular expression in the query is too complex");
            }
            throw ex;
        }
        finally {
            try {
                this.index.searchers().release(shared);
            }
            catch (IOException ex) {
                // a released searcher that cannot close is closed with the index
            }
        }
    }

    /** How many records the index holds, and whether it has caught up with the database. */
    public int indexedRecords() {
        try {
            return this.index.size();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static SearchHit hit(Document document) {
        return new SearchHit(document.get(SearchFields.ORCID), document.get(RecordDocument.SHOW_GIVEN),
                document.get(RecordDocument.SHOW_FAMILY), document.get(RecordDocument.SHOW_CREDIT),
                values(document, RecordDocument.SHOW_OTHER), values(document, RecordDocument.SHOW_EMAIL),
                values(document, RecordDocument.SHOW_INSTITUTION), values(document, RecordDocument.SHOW_CURRENT),
                values(document, RecordDocument.SHOW_PAST));
    }

    private static List<String> values(Document document, String field) {
        return Arrays.asList(document.getValues(field));
    }
}
