package org.orrery.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Solr parameters a search honours ({@code q}, {@code defType}, {@code qf}, {@code pf}, {@code bq}, {@code mm},
 * {@code q.op}, {@code df}, {@code fq}, {@code sort}), with a leading local-parameters block in {@code q} such as
 * ORCID's own pages send ({@code {!edismax qf="given-names^10 family-name^10" mm=1}ada}) folded in. Every other
 * parameter ({@code wt}, {@code fl}, {@code qt}, ...) is ignored.
 */
public record SearchParameters(String q, String defType, String qf, String pf, List<String> bq, String mm,
        String qOp, String df, List<String> fq, String sort) {

    private static final Pattern LOCAL = Pattern.compile("\\s*\\{!([^}]*)\\}(.*)", Pattern.DOTALL);

    private static final Pattern LOCAL_PARAM = Pattern
        .compile("\\s*([A-Za-z.]+)(?:=(?:\"([^\"]*)\"|'([^']*)'|(\\S+)))?");

    /** The parameters a search reads; every other one is ignored (and never looked at). */
    public static final List<String> NAMES = List.of("q", "defType", "qf", "pf", "bq", "mm", "q.op", "df", "fq",
            "sort");

    /** From a request's parameters (each name's values in order). */
    public static SearchParameters from(Map<String, String[]> parameters) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        parameters.forEach((name, values) -> all.put(name, List.of(values)));
        String q = first(all, "q");
        if (q != null) {
            Matcher local = LOCAL.matcher(q);
            if (local.matches()) {
                q = local.group(2);
                localParameters(local.group(1), all);
            }
        }
        return new SearchParameters(q, first(all, "defType"), first(all, "qf"), first(all, "pf"),
                all.getOrDefault("bq", List.of()), first(all, "mm"), first(all, "q.op"), first(all, "df"),
                all.getOrDefault("fq", List.of()), first(all, "sort"));
    }

    private static void localParameters(String block, Map<String, List<String>> all) {
        Matcher param = LOCAL_PARAM.matcher(block);
        int at = 0;
        boolean firstWord = true;
        while (at < block.length() && param.find(at) && param.start() == at) {
            String name = param.group(1);
            String value = param.group(2) != null ? param.group(2)
                    : param.group(3) != null ? param.group(3) : param.group(4);
            if (value == null && firstWord) {
                all.put("defType", List.of(name));
            }
            else if (value != null) {
                name = name.equals("type") ? "defType" : name;
                all.put(name, name.equals("bq") || name.equals("fq") ? append(all.get(name), value) : List.of(value));
            }
            firstWord = false;
            at = param.end();
        }
        if (!block.substring(at).isBlank()) {
            throw new SearchQueryException("Cannot read the local parameters {!...} at the start of q");
        }
    }

    private static List<String> append(List<String> existing, String value) {
        List<String> values = new ArrayList<>(existing == null ? List.of() : existing);
        values.add(value);
        return values;
    }

    private static String first(Map<String, List<String>> all, String name) {
        List<String> values = all.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
