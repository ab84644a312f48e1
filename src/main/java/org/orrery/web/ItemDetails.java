package org.orrery.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.orrery.record.RecordItem;
import org.orrery.record.schema.Vocabularies;

import tools.jackson.databind.JsonNode;

/**
 * What the record pages show of an item beyond its one-line text: its type (a vocabulary value the bundles
 * name in words), year(s), organization and identifiers, those that resolve as links (DOI to doi.org, ROR to
 * ror.org, any http(s) URL as given).
 */
record ItemDetails(String title, String type, String dates, String organization, List<Identifier> identifiers,
        String url) {

    /** An external identifier: its type, value and, when it resolves, a link. */
    record Identifier(String type, String value, String href) {
    }

    static ItemDetails of(RecordItem item) {
        JsonNode body = item.body();
        String type = text(body, "/type");
        String title = switch (item.type()) {
            case WORK, FUNDING -> text(body, "/title/title/value");
            case RESEARCH_RESOURCE -> text(body, "/proposal/title/title/value");
            case EMPLOYMENT, EDUCATION, DISTINCTION, INVITED_POSITION, MEMBERSHIP, QUALIFICATION, SERVICE ->
                join(text(body, "/role-title"), text(body, "/department-name"), ", ");
            default -> ItemText.describe(item);
        };
        String start = first(text(body, "/publication-date/year/value"), text(body, "/start-date/year/value"));
        String end = text(body, "/end-date/year/value");
        String dates = end.isEmpty() ? start : start + " – " + end;
        String organization = join(text(body, "/organization/name"), join(text(body, "/organization/address/city"),
                text(body, "/organization/address/country"), ", "), ", ");
        List<Identifier> ids = new ArrayList<>();
        for (JsonNode id : body.at("/external-ids/external-id")) {
            String idType = text(id, "/external-id-type");
            String value = text(id, "/external-id-value");
            if (!value.isEmpty()) {
                ids.add(new Identifier(idType, value, link(idType, value, text(id, "/external-id-url/value"))));
            }
        }
        String url = text(body, "/url/value");
        return new ItemDetails(title.isEmpty() ? ItemText.describe(item) : title,
                Vocabularies.WORK_TYPES.contains(type) || Vocabularies.FUNDING_TYPES.contains(type) ? type : null,
                dates, organization, ids, isWeb(url) ? url : null);
    }

    /** The address an identifier resolves at, or null. */
    static String link(String type, String value, String url) {
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.equals("doi")) {
            String doi = value.replaceFirst("(?i)^(https?://(dx\\.)?doi\\.org/|doi:)", "");
            return doi.startsWith("10.") ? "https://doi.org/" + doi : null;
        }
        if (lower.equals("ror")) {
            String ror = value.replaceFirst("(?i)^https?://ror\\.org/", "");
            return ror.matches("[0-9a-z]{9}") ? "https://ror.org/" + ror : null;
        }
        return isWeb(url) ? url : isWeb(value) ? value : null;
    }

    private static boolean isWeb(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    private static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    private static String join(String a, String b, String separator) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + separator + b;
    }

    private static String text(JsonNode body, String pointer) {
        JsonNode node = body.at(pointer);
        return node.isValueNode() ? node.asString() : "";
    }
}
