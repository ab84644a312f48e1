package org.orrery.record.schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The controlled values of ORCID's v3.0 model (its {@code org.orcid.jaxb.model.common} enumerations). */
public final class Vocabularies {

    public static final Set<String> WORK_TYPES = Set.of("annotation", "artistic-performance", "book-chapter",
            "book-review", "book", "conference-abstract", "conference-paper", "conference-poster",
            "data-management-plan", "data-set", "dictionary-entry", "disclosure", "dissertation-thesis", "edited-book",
            "encyclopedia-entry", "invention", "journal-article", "journal-issue", "lecture-speech", "license",
            "magazine-article", "manual", "newsletter-article", "newspaper-article", "online-resource", "other",
            "patent", "physical-object", "preprint", "registered-copyright", "review", "report",
            "research-technique", "research-tool", "software", "spin-off-company", "standards-and-policy",
            "supervised-student-publication", "technical-standard", "test", "trademark", "translation", "website",
            "working-paper");

    public static final Set<String> CITATION_TYPES = Set.of("formatted-unspecified", "bibtex", "formatted-apa",
            "formatted-harvard", "formatted-ieee", "formatted-mla", "formatted-vancouver", "formatted-chicago", "ris");

    public static final Set<String> FUNDING_TYPES = Set.of("grant", "contract", "award", "salary-award");

    public static final Set<String> PEER_REVIEW_SUBJECT_TYPES = subjectTypes();

    public static final Set<String> PEER_REVIEW_TYPES = Set.of("review", "evaluation");

    public static final Set<String> PEER_REVIEW_ROLES = Set.of("reviewer", "editor", "member", "chair", "organizer");

    public static final Set<String> RELATIONSHIPS = Set.of("part-of", "self", "version-of", "funded-by");

    public static final Set<String> RESOURCE_TYPES = Set.of("infrastructures", "collections", "equipment",
            "services");

    public static final Set<String> SEQUENCES = Set.of("first", "additional");

    public static final Set<String> COUNTRIES = countries();

    private static final Set<String> WEB_SCHEMES = Set.of("http", "https", "ftp");

    private static final Pattern ORCID_PATH = Pattern.compile("(\\d{4}-){3}\\d{3}[\\dX]");

    private static final Pattern GROUP_ID = Pattern
        .compile("(ringgold:|issn:|orcid-generated:|fundref:|publons:)([0-9a-zA-Z\\^._~:/?#\\[\\]@!$&'()*+,;=-]){2,}");

    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}([_-][a-zA-Z0-9]{2,8})*");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^.@\\s]+\\.[^@\\s]+");

    private Vocabularies() {
    }

    private static Set<String> subjectTypes() {
        Set<String> types = new LinkedHashSet<>(WORK_TYPES);
        types.addAll(FUNDING_TYPES);
        types.add("research-resource-proposal");
        return Set.copyOf(types);
    }

    private static Set<String> countries() {
        Set<String> codes = new LinkedHashSet<>(List.of(Locale.getISOCountries()));
        codes.add("XK");
        return Set.copyOf(codes);
    }

    public static boolean isOrcidPath(String text) {
        return text != null && ORCID_PATH.matcher(text).matches();
    }

    static String year(String text) {
        return integerBetween(text, 1900, 2100, "a year between 1900 and 2100");
    }

    static String month(String text) {
        return integerBetween(text, 1, 12, "a month between 01 and 12");
    }

    static String day(String text) {
        return integerBetween(text, 1, 31, "a day between 01 and 31");
    }

    static String groupId(String text) {
        return GROUP_ID.matcher(text).matches() ? null
                : "must start with ringgold:, issn:, orcid-generated:, fundref: or publons: followed by an identifier";
    }

    static String language(String text) {
        return LANGUAGE.matcher(text).matches() ? null : "must be a language code such as en or pt_BR";
    }

    static String email(String text) {
        return EMAIL.matcher(text).matches() ? null : "must be an email address";
    }

    static String url(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return WEB_SCHEMES.contains(scheme) ? null : "must be an http, https or ftp URL";
        }
        catch (URISyntaxException ex) {
            return "must be a URL";
        }
    }

    private static String integerBetween(String text, int min, int max, String expected) {
        try {
            int value = Integer.parseInt(text.trim());
            return value >= min && value <= max ? null : "must be " + expected;
        }
        catch (NumberFormatException ex) {
            return "must be " + expected;
        }
    }
}
