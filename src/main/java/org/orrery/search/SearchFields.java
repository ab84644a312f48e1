package org.orrery.search;

import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.UpperCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The fields a query may name, as ORCID's Solr schema has them (orcid-wave2 §1.3), and how each is analysed.
 * Text fields are split into words, lower-cased and folded to ASCII (so {@code Muller} finds {@code Müller} in
 * every field, where ORCID folds only {@code given-and-family-names}); string fields are one lower-cased term
 * each (e-mails, organisation ids, identifiers); date fields hold instants for ranges.
 */
public final class SearchFields {

    /** How a field is indexed. */
    public enum Kind {
        TEXT, STRING, DATE
    }

    public static final String ORCID = "orcid";

    public static final String TEXT = "text";

    public static final String SUBMISSION_DATE = "profile-submission-date";

    public static final String LAST_MODIFIED_DATE = "profile-last-modified-date";

    private static final Set<String> TEXT_FIELDS = Set.of("given-names", "family-name", "given-and-family-names",
            "credit-name", "other-names", "biography", "keyword", "external-id-reference", "external-id-source",
            "affiliation-org-name", "current-institution-affiliation-name", "past-institution-affiliation-name",
            "funding-titles", "funding-org-name", "grant-numbers", "work-titles", "digital-object-ids",
            "peer-review-type", "peer-review-role", "peer-review-org-name", "research-resource-proposal-title",
            "research-resource-item-name", TEXT);

    private static final Set<String> STRING_FIELDS = Set.of(ORCID, "email", "external-id-type-and-value",
            "peer-review-group-id");

    /** Per-type identifier fields of works (ORCID's legacy text fields), e.g. {@code pmid:12345}. */
    static final Set<String> LEGACY_ID_FIELDS = Set.of("doi", "pmid", "pmc", "isbn", "issn", "eid", "arxiv",
            "handle", "uri", "urn", "wosuid", "bibcode", "agr", "cba", "cit", "ctx", "ethos", "hir", "jfm", "jstor",
            "lccn", "mr", "oclc", "ol", "osti", "rfc", "ssrn", "zbl", "ark", "isni", "rrid", "lensid", "kuid");

    private static final Pattern DYNAMIC_STRING = Pattern.compile("[a-z0-9_]+(-[a-z0-9_]+)*-(self|part-of|version-of"
            + "|funded-by|org-id)");

    private static final Analyzer WORDS = new Words();

    private static final Analyzer TERM = new Term();

    private static final Analyzer ID = new Id();

    private SearchFields() {
    }

    /** The kind of a field a query may name, or null when there is no such field. */
    public static Kind kind(String field) {
        if (field == null) {
            return null;
        }
        if (TEXT_FIELDS.contains(field) || LEGACY_ID_FIELDS.contains(field)) {
            return Kind.TEXT;
        }
        if (STRING_FIELDS.contains(field) || DYNAMIC_STRING.matcher(field).matches()) {
            return Kind.STRING;
        }
        if (field.equals(SUBMISSION_DATE) || field.equals(LAST_MODIFIED_DATE)) {
            return Kind.DATE;
        }
        return null;
    }

    /** The analyzer of every field, for indexing and for queries alike. */
    static Analyzer analyzer() {
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                if (ORCID.equals(fieldName)) {
                    return ID; // indexed as written: digits, hyphens and an upper-case X check character
                }
                return kind(fieldName) == Kind.STRING ? TERM : WORDS;
            }
        };
    }

    /** A string field's single term, as indexed. */
    static String term(String value) {
        return value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Words: split, lower-cased, folded to ASCII. */
    private static final class Words extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer words = new StandardTokenizer();
            return new TokenStreamComponents(words, new ASCIIFoldingFilter(new LowerCaseFilter(words)));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** An iD as one upper-cased term, so that {@code orcid:0000-0002-1694-233x} finds {@code ...233X}. */
    private static final class Id extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer whole = new KeywordTokenizer();
            return new TokenStreamComponents(whole, new UpperCaseFilter(whole));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new UpperCaseFilter(in);
        }
    }

    /** One lower-cased term. */
    private static final class Term extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer whole = new KeywordTokenizer();
            return new TokenStreamComponents(whole, new LowerCaseFilter(whole));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
