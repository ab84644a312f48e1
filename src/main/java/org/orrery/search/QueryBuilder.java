package org.orrery.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * Turns {@link SearchParameters} into a Lucene query and sort, the way Solr's standard ({@code lucene}) and
 * {@code edismax} query parsers do for the parts ORCID's integrators use: {@code qf} spreads unfielded words over
 * weighted fields, {@code pf} adds a phrase boost over the words, {@code bq} adds optional boosting queries,
 * {@code mm} sets how many optional clauses must match, {@code fq} filters without scoring. Anything that
 * cannot be parsed is a {@link SearchQueryException} naming the problem.
 */
final class QueryBuilder {

    static final int MAX_QUERY_LENGTH = 10_000;

    static final int MAX_NESTING = 20;

    private final Analyzer analyzer = SearchFields.analyzer();

    /**
     * The query to run (filters included), the part of it that decides what matches (without the clauses that
     * only add to scores), how to order the hits, and whether that order is the default one (score, then iD).
     */
    record Built(Query query, Query matching, Sort sort, boolean byRelevance) {
    }

    Built build(SearchParameters parameters) {
        if (parameters.q() == null || parameters.q().isBlank()) {
            throw new SearchQueryException("The q parameter is required, e.g. q=family-name:Lovelace");
        }
        String defType = parameters.defType() == null ? "lucene" : parameters.defType().toLowerCase(Locale.ROOT);
        boolean dismax = switch (defType) {
            case "lucene", "standard" -> false;
            case "edismax", "dismax" -> true;
            default -> throw new SearchQueryException("Unknown defType '" + SearchQueryException.named(parameters.defType())
                    + "': use lucene or edismax");
        };
        Map<String, Float> qf = dismax && parameters.qf() != null ? weighted("qf", parameters.qf())
                : Map.of(defaultField(parameters), 1f);
        try {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            BooleanQuery.Builder matching = new BooleanQuery.Builder();
            Query main = minimumMatch(parse("q", parameters.q(), qf, parameters), parameters.mm());
            all.add(main, BooleanClause.Occur.MUST);
            matching.add(main, BooleanClause.Occur.MUST);
            if (dismax) {
                addPhraseBoosts(all, parameters);
                for (String bq : parameters.bq()) {
                    all.add(parse("bq", bq, Map.of(defaultField(parameters), 1f), parameters),
                            BooleanClause.Occur.SHOULD);
                }
            }
            for (String fq : parameters.fq()) {
                Query filter = parse("fq", fq, Map.of(defaultField(parameters), 1f), parameters);
                all.add(filter, BooleanClause.Occur.FILTER);
                matching.add(filter, BooleanClause.Occur.FILTER);
            }
            String sort = parameters.sort() == null ? "" : parameters.sort().trim().replaceAll("\\s+", " ");
            return new Built(all.build(), matching.build(), sort(sort),
                    sort.isEmpty() || sort.equalsIgnoreCase("score desc"));
        }
        catch (IndexSearcher.TooManyClauses ex) {
            throw new SearchQueryException("The query has too many clauses (at most "
                    + IndexSearcher.getMaxClauseCount() + ")");
        }
    }

    private Query parse(String name, String text, Map<String, Float> fields, SearchParameters parameters) {
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new SearchQueryException("The " + name + " parameter is longer than " + MAX_QUERY_LENGTH
                    + " characters");
        }
        if (nesting(text) > MAX_NESTING) {
            throw new SearchQueryException("The " + name + " parameter nests parentheses deeper than "
                    + MAX_NESTING);
        }
        FieldCheckingParser parser = new FieldCheckingParser(fields.keySet().toArray(String[]::new), this.analyzer,
                fields);
        if (parameters.qOp() != null) {
            switch (parameters.qOp().toUpperCase(Locale.ROOT)) {
                case "AND" -> parser.setDefaultOperator(QueryParser.Operator.AND);
                case "OR" -> parser.setDefaultOperator(QueryParser.Operator.OR);
                default -> throw new SearchQueryException("q.op must be AND or OR");
            }
        }
        try {
            return parser.parse(text);
        }
        catch (ParseException ex) {
            throw new SearchQueryException("Cannot parse " + name + ": " + problem(text, ex));
        }
        catch (IllegalArgumentException ex) {
            // bad regular expressions, fuzzy edits and the like
            throw new SearchQueryException("Cannot parse " + name + ": " + (ex.getMessage() == null ? "invalid term"
                    : ex.getMessage().replaceAll("[^\\w .,:-]", "").replaceAll("(?i)\\bsql\\b", "")));
        }
        catch (StackOverflowError ex) {
            throw new SearchQueryException("The " + name + " parameter is nested too deeply");
        }
        catch (RuntimeException ex) {
            if (ex.getClass().getSimpleName().equals("TooComplexToDeterminizeException")) {
                throw new SearchQueryException("The regular expression in " + name + " is too complex");
            }
            throw ex;
        }
    }

    private static String defaultField(SearchParameters parameters) {
        String df = parameters.df() == null ? SearchFields.TEXT : parameters.df();
        if (SearchFields.kind(df) == null) {
            throw new SearchQueryException("undefined field " + SearchQueryException.named(df) + " in df");
        }
        return df;
    }

    /** {@code "given-names^1.0 family-name^2.0"}: fields and weights, every field known. */
    private static Map<String, Float> weighted(String name, String text) {
        Map<String, Float> fields = new LinkedHashMap<>();
        for (String part : text.trim().split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int caret = part.indexOf('^');
            String field = caret < 0 ? part : part.substring(0, caret);
            float weight = 1f;
            if (caret >= 0) {
                try {
                    weight = Float.parseFloat(part.substring(caret + 1));
                }
                catch (NumberFormatException ex) {
                    throw new SearchQueryException("Bad weight in " + name + " for " + SearchQueryException.named(field));
                }
                if (!(weight >= 0) || Float.isInfinite(weight)) {
                    throw new SearchQueryException("Bad weight in " + name + " for " + SearchQueryException.named(field));
                }
            }
            if (SearchFields.kind(field) == null) {
                throw new SearchQueryException("undefined field " + SearchQueryException.named(field) + " in " + name);
            }
            fields.put(field, weight);
        }
        if (fields.isEmpty()) {
            throw new SearchQueryException("The " + name + " parameter names no field");
        }
        return fields;
    }

    /** edismax's pf: the query's plain words as a phrase, boosted on each field. */
    private void addPhraseBoosts(BooleanQuery.Builder all, SearchParameters parameters) {
        if (parameters.pf() == null) {
            return;
        }
        List<String> words = new ArrayList<>();
        for (String word : parameters.q().trim().split("\\s+")) {
            if (word.matches("[\\p{L}\\p{N}'.-]+") && !word.matches("AND|OR|NOT")) {
                words.add(word);
            }
        }
        if (words.size() < 2) {
            return;
        }
        String phrase = String.join(" ", words);
        for (Map.Entry<String, Float> field : weighted("pf", parameters.pf()).entrySet()) {
            Query query = new org.apache.lucene.util.QueryBuilder(this.analyzer).createPhraseQuery(field.getKey(),
                    phrase);
            if (query != null) {
                all.add(new BoostQuery(query, field.getValue()), BooleanClause.Occur.SHOULD);
            }
        }
    }

    /** Solr's mm: a count ({@code 2}), a negative count, or a percentage ({@code 75%}) of the optional clauses. */
    private static Query minimumMatch(Query query, String mm) {
        if (mm == null || !(query instanceof BooleanQuery bool)) {
            return query;
        }
        long optional = bool.clauses().stream().filter(c -> c.getOccur() == BooleanClause.Occur.SHOULD).count();
        int wanted;
        try {
            String value = mm.trim();
            if (value.endsWith("%")) {
                int percent = Integer.parseInt(value.substring(0, value.length() - 1));
                wanted = (int) (percent >= 0 ? optional * percent / 100 : optional + optional * percent / 100);
            }
            else {
                int count = Integer.parseInt(value);
                wanted = (int) (count >= 0 ? count : optional + count);
            }
        }
        catch (NumberFormatException ex) {
            throw new SearchQueryException("mm must be a number or a percentage");
        }
        wanted = (int) Math.max(0, Math.min(optional, wanted));
        BooleanQuery.Builder copy = new BooleanQuery.Builder();
        bool.clauses().forEach(copy::add);
        copy.setMinimumNumberShouldMatch(wanted);
        return copy.build();
    }

    /** {@code score desc, family-name asc}; ties always broken by iD. */
    static Sort sort(String sort) {
        List<SortField> fields = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String part : sort.split(",")) {
                String[] words = part.trim().split("\\s+");
                if (words.length != 2 || !words[1].matches("(?i)asc|desc")) {
                    throw new SearchQueryException("sort must be 'field asc' or 'field desc', comma-separated");
                }
                boolean descending = words[1].equalsIgnoreCase("desc");
                fields.add(switch (words[0]) {
                    case "score" -> new SortField(null, SortField.Type.SCORE, !descending);
                    case "orcid" -> new SortField(RecordDocument.SORT_ORCID, SortField.Type.STRING, descending);
                    case "given-names" -> missingLast(RecordDocument.SORT_GIVEN, descending);
                    case "family-name" -> missingLast(RecordDocument.SORT_FAMILY, descending);
                    default -> throw new SearchQueryException("Cannot sort on '" + SearchQueryException.named(words[0])
                            + "': use score, orcid, given-names or family-name");
                });
            }
        }
        if (fields.isEmpty()) {
            fields.add(SortField.FIELD_SCORE);
        }
        fields.add(new SortField(RecordDocument.SORT_ORCID, SortField.Type.STRING));
        return new Sort(fields.toArray(SortField[]::new));
    }

    private static SortField missingLast(String field, boolean descending) {
        SortField sortField = new SortField(field, SortField.Type.STRING, descending);
        sortField.setMissingValue(descending ? SortField.STRING_FIRST : SortField.STRING_LAST);
        return sortField;
    }

    private static int nesting(String text) {
        int depth = 0;
        int max = 0;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
            }
            else if (c == '\\') {
                escaped = true;
            }
            else if (c == '(' || c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            }
            else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return max;
    }

    private static final java.util.regex.Pattern COLUMN = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)");

    /**
     * What is wrong, without echoing what was sent (answers never repeat the query back): an unknown field by
     * name, a bad date, or where the syntax breaks.
     */
    private static String problem(String text, ParseException ex) {
        String message = firstLine(ex);
        String echo = "Cannot parse '" + text + "': ";
        if (message.startsWith(echo)) {
            message = message.substring(echo.length());
        }
        if (message.startsWith("undefined field ") || message.startsWith("Invalid date")
                || message.startsWith("Only *:*") || message.startsWith("regular expressions have")) {
            return message;
        }
        if (message.contains("too many boolean clauses") || message.contains("maxClauseCount")) {
            return "the query has too many clauses (at most " + IndexSearcher.getMaxClauseCount() + ")";
        }
        java.util.regex.Matcher at = COLUMN.matcher(message);
        return at.find() ? "bad syntax near line " + at.group(1) + ", column " + at.group(2) : "bad syntax";
    }

    private static String firstLine(Exception ex) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
