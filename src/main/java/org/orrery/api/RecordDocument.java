package org.orrery.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orrery.registry.Researcher;

/**
 * Builds the v3.0 JSON of a record, with ORCID's field names: the {@code orcid-identifier}, the person with its
 * name, and the (empty for now) person and activity sections, each with its {@code path}.
 */
final class RecordDocument {

    private final String baseUrl;

    private final String host;

    RecordDocument(String baseUrl) {
        this.baseUrl = baseUrl;
        this.host = URI.create(baseUrl).getHost();
    }

    Map<String, Object> record(Researcher researcher) {
        String orcid = researcher.orcid().value();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("orcid-identifier", identifier(orcid));
        record.put("preferences", Map.of("locale", "en"));
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("creation-method", "DIRECT");
        history.put("submission-date", date(researcher));
        history.put("claimed", true);
        history.put("verified-email", true);
        history.put("verified-primary-email", true);
        record.put("history", history);
        record.put("person", person(researcher));
        record.put("activities-summary", activities(orcid));
        record.put("path", "/" + orcid);
        return record;
    }

    Map<String, Object> identifier(String orcid) {
        Map<String, Object> identifier = new LinkedHashMap<>();
        identifier.put("uri", this.baseUrl + "/" + orcid);
        identifier.put("path", orcid);
        identifier.put("host", this.host);
        return identifier;
    }

    private Map<String, Object> person(Researcher researcher) {
        String orcid = researcher.orcid().value();
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("created-date", date(researcher));
        name.put("last-modified-date", date(researcher));
        name.put("given-names", value(researcher.givenNames()));
        name.put("family-name", researcher.familyName() == null ? null : value(researcher.familyName()));
        name.put("credit-name", researcher.creditName() == null ? null : value(researcher.creditName()));
        name.put("source", null);
        name.put("visibility", "public");
        name.put("path", orcid);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("last-modified-date", null);
        person.put("name", name);
        person.put("other-names", section(orcid, "other-names", "other-name"));
        person.put("biography", null);
        person.put("researcher-urls", section(orcid, "researcher-urls", "researcher-url"));
        person.put("emails", section(orcid, "email", "email"));
        person.put("addresses", section(orcid, "address", "address"));
        person.put("keywords", section(orcid, "keywords", "keyword"));
        person.put("external-identifiers", section(orcid, "external-identifiers", "external-identifier"));
        person.put("path", "/" + orcid + "/person");
        return person;
    }

    private static Map<String, Object> activities(String orcid) {
        Map<String, Object> activities = new LinkedHashMap<>();
        activities.put("last-modified-date", null);
        for (String affiliation : List.of("distinctions", "educations", "employments")) {
            activities.put(affiliation, section(orcid, affiliation, "affiliation-group"));
        }
        activities.put("fundings", section(orcid, "fundings", "group"));
        for (String affiliation : List.of("invited-positions", "memberships")) {
            activities.put(affiliation, section(orcid, affiliation, "affiliation-group"));
        }
        activities.put("peer-reviews", section(orcid, "peer-reviews", "group"));
        activities.put("qualifications", section(orcid, "qualifications", "affiliation-group"));
        activities.put("research-resources", section(orcid, "research-resources", "group"));
        activities.put("services", section(orcid, "services", "affiliation-group"));
        activities.put("works", section(orcid, "works", "group"));
        activities.put("path", "/" + orcid + "/activities");
        return activities;
    }

    private static Map<String, Object> section(String orcid, String path, String itemsField) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("last-modified-date", null);
        section.put(itemsField, List.of());
        section.put("path", "/" + orcid + "/" + path);
        return section;
    }

    private static Map<String, Object> value(String value) {
        return Map.of("value", value);
    }

    private static Map<String, Object> date(Researcher researcher) {
        return Map.of("value", researcher.createdAt().toEpochMilli());
    }
}
