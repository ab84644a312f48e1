package org.orrery.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's Lucene index of public records: one document per active record, keyed by iD. Each commit carries
 * the database's identity (epoch) and the database time up to which changes are in (watermark), so that a node
 * restarted on an old index catches up from there, and one started on another database's index rebuilds.
 * When another node on the same machine holds the configured directory, this node keeps its own in a temporary
 * directory instead.
 */
final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private static final String EPOCH = "epoch";

    private static final String WATERMARK = "watermark";

    private final Path path;

    private final Directory directory;

    private final IndexWriter writer;

    private final SearcherManager searchers;

    private final boolean temporary;

    SearchIndex(Path configured) {
        try {
            Files.createDirectories(configured);
            Path chosen = configured;
            Directory dir = FSDirectory.open(configured);
            IndexWriter opened;
            boolean temp = false;
            try {
                opened = new IndexWriter(dir, config());
            }
            catch (LockObtainFailedException held) {
                dir.close();
                chosen = Files.createTempDirectory("orrery-search-");
                LOG.warn("Search index {} is held by another node on this machine; this node keeps its own in {}",
                        configured.toAbsolutePath(), chosen);
                dir = FSDirectory.open(chosen);
                opened = new IndexWriter(dir, config());
                temp = true;
            }
            this.path = chosen;
            this.directory = dir;
            this.writer = opened;
            this.temporary = temp;
            this.searchers = new SearcherManager(this.writer, new SearcherFactory());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot open the search index at " + configured, ex);
        }
    }

    /** The indexing buffer between rebuilds. */
    static final double BUFFER_MB = 64;

    private static IndexWriterConfig config() {
        IndexWriterConfig config = new IndexWriterConfig(SearchFields.analyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(BUFFER_MB);
        config.setCommitOnClose(false);
        return config;
    }

    Path path() {
        return this.path;
    }

    /** The epoch and watermark of the last commit (empty when the index was never committed). */
    Map<String, String> committed() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = this.writer.getLiveCommitData();
        if (live != null) {
            for (Map.Entry<String, String> entry : live) {
                data.put(entry.getKey(), entry.getValue());
            }
            return data;
        }
        try {
            data.putAll(SegmentInfos.readLatestCommit(this.directory).getUserData());
        }
        catch (IOException none) {
            // never committed
        }
        return data;
    }

    String epoch() {
        return committed().get(EPOCH);
    }

    Instant watermark() {
        String value = committed().get(WATERMARK);
        return value == null ? null : Instant.parse(value);
    }

    /** Indexes the record, or removes it when it is not active. */
    void put(PublicRecord record) throws IOException {
        Term id = new Term(SearchFields.ORCID, record.orcid());
        if (record.isActive()) {
            this.writer.updateDocument(id, RecordDocument.of(record));
        }
        else {
            this.writer.deleteDocuments(id);
        }
    }

    /** Adds an active record's document without looking for an older one: for rebuilds of a cleared index. */
    void add(PublicRecord record) throws IOException {
        this.writer.addDocument(RecordDocument.of(record));
    }

    /**
     * Sets the indexing buffer: large during a rebuild (few, big segments and no flush per page), small otherwise.
     * The writer applies it live.
     */
    void buffer(double megabytes) {
        this.writer.getConfig().setRAMBufferSizeMB(megabytes);
    }

    void remove(String orcid) throws IOException {
        this.writer.deleteDocuments(new Term(SearchFields.ORCID, orcid));
    }

    void clear() throws IOException {
        this.writer.deleteAll();
    }

    /** Makes changes durable, recording the database and how far its changes are in. */
    void commit(String epoch, Instant watermark) throws IOException {
        this.writer.setLiveCommitData(Map.of(EPOCH, epoch, WATERMARK, watermark.toString()).entrySet());
        this.writer.commit();
    }

    /** Makes changes visible to searches. */
    void refresh() throws IOException {
        this.searchers.maybeRefresh();
    }

    /** The indexed versions of these records (absent: not in the index). */
    Map<String, Long> versions(Collection<String> orcids) throws IOException {
        Map<String, Long> versions = new HashMap<>();
        if (orcids.isEmpty()) {
            return versions;
        }
        List<BytesRef> terms = orcids.stream().map(BytesRef::new).toList();
        IndexSearcher searcher = this.searchers.acquire();
        try {
            ScoreDoc[] docs = searcher.search(new TermInSetQuery(SearchFields.ORCID, terms), orcids.size()).scoreDocs;
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc doc : docs) {
                Document fields = stored.document(doc.doc, java.util.Set.of(SearchFields.ORCID, RecordDocument.VERSION));
                versions.put(fields.get(SearchFields.ORCID),
                        fields.getField(RecordDocument.VERSION).numericValue().longValue());
            }
        }
        finally {
            this.searchers.release(searcher);
        }
        return versions;
    }

    /**
     * The iDs in the index after {@code after} (exclusive; null: from the first) up to {@code last} (inclusive;
     * null: to the end), read from the sort key's doc values.
     */
    List<String> ids(String after, String last) throws IOException {
        List<String> ids = new ArrayList<>();
        IndexSearcher searcher = this.searchers.acquire();
        try {
            searcher.search(TermRangeQuery.newStringRange(SearchFields.ORCID, after, last, false, true),
                    new SimpleCollector() {

                        private SortedDocValues orcids;

                        @Override
                        protected void doSetNextReader(LeafReaderContext context) throws IOException {
                            this.orcids = DocValues.getSorted(context.reader(), RecordDocument.SORT_ORCID);
                        }

                        @Override
                        public void collect(int doc) throws IOException {
                            if (this.orcids.advanceExact(doc)) {
                                ids.add(this.orcids.lookupOrd(this.orcids.ordValue()).utf8ToString());
                            }
                        }

                        @Override
                        public ScoreMode scoreMode() {
                            return ScoreMode.COMPLETE_NO_SCORES;
                        }
                    });
        }
        finally {
            this.searchers.release(searcher);
        }
        return ids;
    }

    int size() throws IOException {
        IndexSearcher searcher = this.searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        }
        finally {
            this.searchers.release(searcher);
        }
    }

    long sizeOnDisk() {
        try (var files = Files.list(this.path)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
        catch (IOException ex) {
            return -1;
        }
    }

    SearcherManager searchers() {
        return this.searchers;
    }

    @Override
    public void close() throws IOException {
        this.searchers.close();
        this.writer.close();
        this.directory.close();
        if (this.temporary) {
            try (var files = Files.list(this.path)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(this.path);
        }
    }

    static boolean exists(Path path) throws IOException {
        try (Directory dir = FSDirectory.open(path)) {
            return DirectoryReader.indexExists(dir);
        }
    }
}
