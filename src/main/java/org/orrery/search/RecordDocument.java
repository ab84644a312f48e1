package org.orrery.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TreeSet;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

import tools.jackson.databind.JsonNode;

/**
 * Turns the public parts of a record into one Lucene document with ORCID's search fields (orcid-wave2 §1.3),
 * the catch-all {@code text} field, and stored values for {@code /expanded-search} answers. A record whose name is
 * not public has no name fields at all, so no query can find it by name.
 */
final class RecordDocument {

    /** Stored values, never searched. */
    static final String VERSION = "_version";

    static final String SHOW_GIVEN = "_given";

    static final String SHOW_FAMILY = "_family";

    static final String SHOW_CREDIT = "_credit";

    static final String SHOW_OTHER = "_other";

    static final String SHOW_EMAIL = "_email";

    static final String SHOW_INSTITUTION = "_institution";

    static final String SHOW_CURRENT = "_current";

    static final String SHOW_PAST = "_past";

    /** Sort keys. */
    static final String SORT_ORCID = "_sort_orcid";

    static final String SORT_GIVEN = "_sort_given";

    static final String SORT_FAMILY = "_sort_family";

    /** What a field name made from an id type or source cannot hold. */
    private static final java.util.regex.Pattern NOT_NAME = java.util.regex.Pattern.compile("[^a-z0-9]+");

    private final Document document = new Document();

    private final TreeSet<String> institutions = new TreeSet<>();

    private final TreeSet<String> current = new TreeSet<>();

    private final TreeSet<String> past = new TreeSet<>();

    private RecordDocument() {
    }

    static Document of(PublicRecord record) {
        RecordDocument built = new RecordDocument();
        built.fill(record);
        return built.document;
    }

    private void fill(PublicRecord record) {
        this.document.add(new StringField(SearchFields.ORCID, record.orcid(), Field.Store.YES));
        this.document.add(new SortedDocValuesField(SORT_ORCID, new BytesRef(record.orcid())));
        this.document.add(new StoredField(VERSION, record.version()));
        this.document.add(new TextField(SearchFields.TEXT, record.orcid(), Field.Store.NO));
        name(record);
        if (record.primaryEmail() != null) {
            email(record.primaryEmail());
        }
        text("biography", record.biography());
        date(SearchFields.SUBMISSION_DATE, record.submitted().toEpochMilli());
        date(SearchFields.LAST_MODIFIED_DATE, record.lastModified().toEpochMilli());
        for (PublicRecord.Item item : record.items()) {
            item(item.type(), item.body());
        }
        for (String institution : this.institutions) {
            this.document.add(new StoredField(SHOW_INSTITUTION, institution));
        }
        this.current.forEach(name -> this.document.add(new StoredField(SHOW_CURRENT, name)));
        this.past.forEach(name -> this.document.add(new StoredField(SHOW_PAST, name)));
    }

    private void name(PublicRecord record) {
        String given = record.givenNames();
        String family = record.familyName();
        if (given == null && family == null) {
            return;
        }
        text("given-names", given);
        text("family-name", family);
        text("credit-name", record.creditName());
        text("given-and-family-names", ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim());
        show(SHOW_GIVEN, given);
        show(SHOW_FAMILY, family);
        show(SHOW_CREDIT, record.creditName());
        this.document.add(new SortedDocValuesField(SORT_GIVEN, new BytesRef(sortKey(given))));
        this.document.add(new SortedDocValuesField(SORT_FAMILY, new BytesRef(sortKey(family))));
    }

    private void item(String type, JsonNode body) {
        switch (type) {
            case "OTHER_NAME" -> {
                text("other-names", body.path("content").asString(null));
                show(SHOW_OTHER, body.path("content").asString(null));
            }
            case "KEYWORD" -> text("keyword", body.path("content").asString(null));
            case "EMAIL" -> email(body.path("email").asString(null));
            case "EXTERNAL_IDENTIFIER" -> {
                String idType = body.path("external-id-type").asString("");
                String value = body.path("external-id-value").asString("");
                text("external-id-reference", value);
                string("external-id-type-and-value", idType + "=" + value);
            }
            case "WORK" -> {
                text("work-titles", title(body.path("title")));
                externalIds(body.path("external-ids"), true);
            }
            case "FUNDING" -> funding(body);
            case "PEER_REVIEW" -> {
                text("peer-review-type", body.path("review-type").asString(null));
                text("peer-review-role", body.path("reviewer-role").asString(null));
                string("peer-review-group-id", body.path("review-group-id").asString(null));
                text("peer-review-org-name", body.path("convening-organization").path("name").asString(null));
                externalIds(body.path("review-identifiers"), false);
            }
            case "RESEARCH_RESOURCE" -> {
                text("research-resource-proposal-title", title(body.path("proposal").path("title")));
                externalIds(body.path("proposal").path("external-ids"), false);
                for (JsonNode item : body.path("resource-items").path("resource-item")) {
                    text("research-resource-item-name", item.path("resource-name").asString(null));
                }
            }
            default -> affiliation(body);
        }
    }

    private void funding(JsonNode body) {
        text("funding-titles", title(body.path("title")));
        JsonNode organization = body.path("organization");
        text("funding-org-name", organization.path("name").asString(null));
        organizationId(organization);
        for (JsonNode id : body.path("external-ids").path("external-id")) {
            if ("grant_number".equals(id.path("external-id-type").asString(""))) {
                text("grant-numbers", id.path("external-id-value").asString(null));
            }
        }
        externalIds(body.path("external-ids"), false);
    }

    private void affiliation(JsonNode body) {
        JsonNode organization = body.path("organization");
        String name = organization.path("name").asString(null);
        if (name == null || name.isBlank()) {
            return;
        }
        text("affiliation-org-name", name);
        boolean isCurrent = isCurrent(body.path("end-date"));
        text(isCurrent ? "current-institution-affiliation-name" : "past-institution-affiliation-name", name);
        (isCurrent ? this.current : this.past).add(name);
        this.institutions.add(name);
        organizationId(organization);
    }

    /** ORCID: current when there is no end date, or it is today or later. */
    private static boolean isCurrent(JsonNode end) {
        String year = end.path("year").path("value").asString("");
        if (year.isBlank()) {
            return true;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int y = Integer.parseInt(year);
        if (y != today.getYear()) {
            return y > today.getYear();
        }
        String month = end.path("month").path("value").asString("");
        return month.isBlank() || Integer.parseInt(month) >= today.getMonthValue();
    }

    private void organizationId(JsonNode organization) {
        JsonNode disambiguated = organization.path("disambiguated-organization");
        String source = disambiguated.path("disambiguation-source").asString("");
        String id = disambiguated.path("disambiguated-organization-identifier").asString("");
        if (source.isBlank() || id.isBlank()) {
            return;
        }
        String field = NOT_NAME.matcher(source.toLowerCase(Locale.ROOT)).replaceAll("_") + "-org-id";
        string(field, id);
        int slash = id.lastIndexOf('/');
        if (slash >= 0 && slash < id.length() - 1) {
            string(field, id.substring(slash + 1));
        }
    }

    /** External ids as {@code <type>-<relationship>} strings; DOIs and known types as text too. */
    private void externalIds(JsonNode externalIds, boolean work) {
        for (JsonNode id : externalIds.path("external-id")) {
            String type = id.path("external-id-type").asString("").toLowerCase(Locale.ROOT);
            String value = id.path("external-id-value").asString("");
            if (type.isBlank() || value.isBlank()) {
                continue;
            }
            String relationship = id.path("external-id-relationship").asString("self");
            String prefix = NOT_NAME.matcher(type).replaceAll("_");
            string(prefix + "-" + relationship, value);
            if (type.equals("doi")) {
                text("digital-object-ids", value);
            }
            if (work && SearchFields.LEGACY_ID_FIELDS.contains(prefix)) {
                text(prefix, value);
            }
        }
    }

    private static String title(JsonNode title) {
        return title.path("title").path("value").asString(null);
    }

    private void email(String email) {
        if (email == null || email.isBlank()) {
            return;
        }
        string("email", email);
        show(SHOW_EMAIL, email);
    }

    private void text(String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        this.document.add(new TextField(field, value, Field.Store.NO));
        this.document.add(new TextField(SearchFields.TEXT, value, Field.Store.NO));
    }

    private void string(String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        this.document.add(new StringField(field, SearchFields.term(value), Field.Store.NO));
        this.document.add(new TextField(SearchFields.TEXT, value, Field.Store.NO));
    }

    private void show(String field, String value) {
        if (value != null && !value.isBlank()) {
            this.document.add(new StoredField(field, value));
        }
    }

    private void date(String field, long millis) {
        this.document.add(new LongPoint(field, millis));
    }

    private static String sortKey(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
