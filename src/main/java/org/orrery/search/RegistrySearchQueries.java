package org.orrery.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * The queries ORCID's registry pages send for what a visitor types (orcid-wave2 §1.7). Quick search: an iD (bare
 * or as a URL) finds that record; words search names, other names and affiliations with an exact name first.
 * Advanced search: first and last name (optionally other names too), keyword and institution, all required; an
 * institution of digits is a Ringgold id, {@code grid.} a GRID id, a URL a ROR id, anything else a name. Every
 * value is escaped, so nothing a visitor types is query syntax.
 */
final class RegistrySearchQueries {

    private static final Pattern ORCID = Pattern.compile("(?:https?://[^/]+/)?(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX])/?",
            Pattern.CASE_INSENSITIVE);

    static final String QF = "given-and-family-names^50 family-name^10 given-names^10 credit-name^10 other-names^5"
            + " text^1";

    static final String BQ = "current-institution-affiliation-name:[* TO *]^100"
            + " past-institution-affiliation-name:[* TO *]^70";

    private RegistrySearchQueries() {
    }

    /** Solr parameters for the quick search box. */
    static Map<String, String[]> quick(String text) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        String trimmed = text.trim();
        Matcher orcid = ORCID.matcher(trimmed);
        if (orcid.matches()) {
            parameters.put("q", new String[] { "orcid:" + orcid.group(1).toUpperCase(Locale.ROOT) });
            return parameters;
        }
        parameters.put("q", new String[] { words(trimmed) });
        parameters.put("defType", new String[] { "edismax" });
        parameters.put("qf", new String[] { QF });
        parameters.put("pf", new String[] { "given-and-family-names^50" });
        parameters.put("bq", new String[] { BQ });
        parameters.put("mm", new String[] { "1" });
        return parameters;
    }

    /** Solr parameters for the advanced fields (blank ones left out); null when all are blank. */
    static Map<String, String[]> advanced(String firstName, String lastName, boolean otherNames, String keyword,
            String institution) {
        List<String> clauses = new ArrayList<>();
        if (present(firstName)) {
            clauses.add(otherNames ? "(given-names:(" + words(firstName) + ") OR other-names:(" + words(firstName)
                    + "))" : "given-names:(" + words(firstName) + ")");
        }
        if (present(lastName)) {
            clauses.add(otherNames ? "(family-name:(" + words(lastName) + ") OR other-names:(" + words(lastName)
                    + "))" : "family-name:(" + words(lastName) + ")");
        }
        if (present(keyword)) {
            clauses.add("keyword:(" + words(keyword) + ")");
        }
        if (present(institution)) {
            String value = institution.trim();
            if (value.matches("\\d+")) {
                clauses.add("ringgold-org-id:" + value);
            }
            else if (value.toLowerCase(Locale.ROOT).startsWith("grid.")) {
                clauses.add("grid-org-id:" + QueryParser.escape(value));
            }
            else if (value.toLowerCase(Locale.ROOT).startsWith("http")) {
                clauses.add("ror-org-id:\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            }
            else {
                clauses.add("affiliation-org-name:(" + words(value) + ")");
            }
        }
        if (clauses.isEmpty()) {
            return null;
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put("q", new String[] { String.join(" AND ", clauses) });
        parameters.put("defType", new String[] { "edismax" });
        parameters.put("bq", new String[] { BQ });
        return parameters;
    }

    /** Each word escaped, all of them required. */
    private static String words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(QueryParser.escape(word.toLowerCase(Locale.ROOT)));
            }
        }
        return words.isEmpty() ? "\"\"" : String.join(" ", words);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
