package org.orrery.record.schema;

import static org.orrery.record.schema.CommonSchemas.COMMON;
import static org.orrery.record.schema.CommonSchemas.externalIds;
import static org.orrery.record.schema.Node.date;
import static org.orrery.record.schema.Node.group;
import static org.orrery.record.schema.Node.groupWithAttributes;
import static org.orrery.record.schema.Node.identifier;
import static org.orrery.record.schema.Node.list;
import static org.orrery.record.schema.Node.text;
import static org.orrery.record.schema.Node.unwrapped;
import static org.orrery.record.schema.Node.value;

import java.util.List;

/**
 * The documents the API answers with, built from items: section lists, grouped activity summaries, the person,
 * the record, errors and bulk results ({@code record-3.0.xsd}, {@code activities-3.0.xsd}, ...).
 */
public final class DocumentSchemas {

    private static final List<String> PATH = List.of("path");

    private DocumentSchemas() {
    }

    /** The source of an item ({@code common:source}). */
    public static Node source() {
        return group(COMMON, "source", identifier(COMMON, "source-orcid"), identifier(COMMON, "source-client-id"),
                value(COMMON, "source-name"), identifier(COMMON, "assertion-origin-orcid"),
                identifier(COMMON, "assertion-origin-client-id"), value(COMMON, "assertion-origin-name"));
    }

    /** A person section list such as {@code other-name:other-names}. */
    public static Node personList(String prefix, String name, Node item) {
        return groupWithAttributes(prefix, name, PATH, date(COMMON, "last-modified-date"), list(item));
    }

    public static Node name(String prefix) {
        String p = "personal-details";
        return groupWithAttributes(prefix, "name", List.of("visibility", "path"), date(COMMON, "created-date"),
                date(COMMON, "last-modified-date"), value(p, "given-names"), value(p, "family-name"),
                value(p, "credit-name"));
    }

    public static Node biography(String prefix) {
        return groupWithAttributes(prefix, "biography", List.of("visibility", "path"), date(COMMON, "created-date"),
                date(COMMON, "last-modified-date"), text("personal-details", "content"));
    }

    public static Node personalDetails(Node otherNames) {
        String p = "personal-details";
        return groupWithAttributes(p, "personal-details", PATH, date(COMMON, "last-modified-date"), name(p),
                otherNames, biography(p));
    }

    public static Node person(Node otherNames, Node researcherUrls, Node emails, Node addresses, Node keywords,
            Node externalIdentifiers) {
        String p = "person";
        return groupWithAttributes(p, "person", PATH, date(COMMON, "last-modified-date"), name(p), otherNames,
                biography(p), researcherUrls, emails, addresses, keywords, externalIdentifiers);
    }

    /** Works, fundings and research resources: {@code activities:group} holding summaries. */
    public static Node groupedList(String name, Node summary) {
        return groupWithAttributes("activities", name, PATH, date(COMMON, "last-modified-date"),
                list(group("activities", "group", date(COMMON, "last-modified-date"), externalIds(), list(summary))));
    }

    /** The seven affiliation sections: {@code activities:affiliation-group} with unwrapped summaries. */
    public static Node affiliationList(String name, Node summary) {
        return groupWithAttributes("activities", name, PATH, date(COMMON, "last-modified-date"),
                list(group("activities", "affiliation-group", date(COMMON, "last-modified-date"), externalIds(),
                        unwrapped("summaries", summary))));
    }

    /** Peer reviews: groups by review group id, holding {@code peer-review-group}s of duplicates. */
    public static Node peerReviewList(Node summary) {
        Node duplicates = group("activities", "peer-review-group", date(COMMON, "last-modified-date"), externalIds(),
                list(summary));
        return groupWithAttributes("activities", "peer-reviews", PATH, date(COMMON, "last-modified-date"),
                list(group("activities", "group", date(COMMON, "last-modified-date"), externalIds(),
                        list(duplicates))));
    }

    public static Node activities(List<Node> sections) {
        return groupWithAttributes("activities", "activities-summary", PATH, date(COMMON, "last-modified-date"))
            .withChildren(sections);
    }

    public static Node history() {
        String h = "history";
        return group(h, "history", date(h, "submission-date"), date(COMMON, "last-modified-date"),
                text(h, "claimed"), text(h, "verified-email"), text(h, "verified-primary-email"));
    }

    public static Node record(Node person, Node activities) {
        return groupWithAttributes("record", "record", PATH, identifier(COMMON, "orcid-identifier"),
                group("preferences", "preferences", text("preferences", "locale")), history(), person, activities);
    }

    public static Node error() {
        String e = "error";
        return group(e, "error", text(e, "response-code"), text(e, "developer-message"), text(e, "user-message"),
                text(e, "error-code"), text(e, "more-info"));
    }

    /** Bulk works: each entry a work or an error ({@code bulk-3.0.xsd}). */
    public static Node bulk(Node work) {
        return group("bulk", "bulk", unwrapped("bulk", work, error()));
    }
}
