package org.orrery.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query parser (the syntax of Solr's standard parser: fields, phrases, {@code AND}/{@code OR}/
 * {@code NOT}, {@code +}/{@code -}, wildcards, fuzzy, regular expressions, ranges, boosts, escapes) over ORCID's
 * search fields: a field that does not exist is a parse error; date fields take ranges of ISO dates or instants
 * ({@code [2020-01-01 TO NOW]}, {@code *} open). Words without a field search the given default fields with
 * their boosts (edismax's {@code qf}), or {@code text}.
 */
final class FieldCheckingParser extends MultiFieldQueryParser {

    /** Longer regular expressions cost seconds to compile before any limit on their automaton applies. */
    static final int MAX_REGEXP = 100;

    FieldCheckingParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts) {
        super(fields, analyzer, boosts);
        setAllowLeadingWildcard(true);
        setDeterminizeWorkLimit(10_000);
        setSplitOnWhitespace(true);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (field != null && SearchFields.kind(field) == SearchFields.Kind.DATE) {
            long at = instant(queryText, false);
            return LongPoint.newExactQuery(field, at);
        }
        return super.getFieldQuery(check(field), queryText, quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        return super.getFieldQuery(check(field), queryText, slop);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
            boolean endInclusive) throws ParseException {
        if (field != null && SearchFields.kind(check(field)) == SearchFields.Kind.DATE) {
            long from = part1 == null || part1.equals("*") ? Long.MIN_VALUE : instant(part1, false);
            long to = part2 == null || part2.equals("*") ? Long.MAX_VALUE : instant(part2, true);
            if (!startInclusive && from != Long.MAX_VALUE) {
                from++;
            }
            if (!endInclusive && to != Long.MIN_VALUE) {
                to--;
            }
            return LongPoint.newRangeQuery(field, from, to);
        }
        if (part1 == null && part2 == null && field != null && SearchFields.kind(field) == SearchFields.Kind.TEXT) {
            // "Has a value" (ORCID's bq sends one per search): read from the field's norms instead of a term range
            // that would visit the postings of every word of the field, 10 ms and more at a million records.
            return new FieldExistsQuery(field);
        }
        return super.getRangeQuery(check(field), part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        if ("*".equals(field)) {
            if (!"*".equals(termStr)) {
                throw new ParseException("Only *:* may name every field");
            }
            return super.getWildcardQuery(field, termStr);
        }
        return super.getWildcardQuery(check(field), termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return super.getPrefixQuery(check(field), termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return super.getFuzzyQuery(check(field), termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        if (termStr.length() > MAX_REGEXP) {
            throw new ParseException("regular expressions have at most " + MAX_REGEXP + " characters");
        }
        return super.getRegexpQuery(check(field), termStr);
    }

    private String check(String field) throws ParseException {
        if (field == null) {
            return null;
        }
        if (SearchFields.kind(field) == null) {
            throw new ParseException("undefined field " + (field.matches("[\\w.-]{1,64}") ? field : "(not a field name)"));
        }
        return field;
    }

    /** An ISO instant, an ISO date (its first or last millisecond), or NOW. */
    private static long instant(String text, boolean endOfDay) throws ParseException {
        String value = text.trim();
        if (value.equalsIgnoreCase("NOW")) {
            return Instant.now().toEpochMilli();
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Instant.parse(value).toEpochMilli();
        }
        catch (DateTimeParseException ex) {
            throw new ParseException("Invalid date: use an ISO date (2020-01-31) or instant (2020-01-31T12:00:00Z), NOW"
                    + " or *");
        }
    }
}
