package org.orrery.record.schema;

import static org.orrery.record.schema.CommonSchemas.COMMON;
import static org.orrery.record.schema.CommonSchemas.contributorOrcid;
import static org.orrery.record.schema.CommonSchemas.country;
import static org.orrery.record.schema.CommonSchemas.externalIdFields;
import static org.orrery.record.schema.CommonSchemas.externalIds;
import static org.orrery.record.schema.CommonSchemas.fuzzyDate;
import static org.orrery.record.schema.CommonSchemas.languageCode;
import static org.orrery.record.schema.CommonSchemas.organization;
import static org.orrery.record.schema.CommonSchemas.subtitle;
import static org.orrery.record.schema.CommonSchemas.title;
import static org.orrery.record.schema.CommonSchemas.translatedTitle;
import static org.orrery.record.schema.CommonSchemas.url;
import static org.orrery.record.schema.Node.group;
import static org.orrery.record.schema.Node.item;
import static org.orrery.record.schema.Node.list;
import static org.orrery.record.schema.Node.text;
import static org.orrery.record.schema.Node.value;

import java.util.List;

/**
 * The element trees of every record item and its summary, in the order of ORCID's v3.0 XSDs
 * ({@code work-3.0.xsd}, {@code funding-3.0.xsd}, {@code common-3.0.xsd}'s affiliation, ...).
 */
public final class ItemSchemas {

    private ItemSchemas() {
    }

    public static Node work() {
        String w = "work";
        return item(w, "work", List.of(), workTitle(), value(w, "journal-title").max(1000),
                text(w, "short-description").max(5000),
                group(w, "citation", text(w, "citation-type").oneOf(Vocabularies.CITATION_TYPES),
                        text(w, "citation-value").required().max(100000)),
                text(w, "type").required().oneOf(Vocabularies.WORK_TYPES), fuzzyDate(COMMON, "publication-date"),
                externalIds(), url(),
                group(w, "contributors",
                        list(group(w, "contributor", contributorOrcid(), value(w, "credit-name").max(150),
                                value(w, "contributor-email").check(Vocabularies::email),
                                group(w, "contributor-attributes",
                                        text(w, "contributor-sequence").oneOf(Vocabularies.SEQUENCES),
                                        text(w, "contributor-role").max(255))))),
                languageCode(), country());
    }

    public static Node workSummary() {
        String w = "work";
        return item(w, "work-summary", List.of(), workTitle(), externalIds(), url(), text(w, "type"),
                fuzzyDate(COMMON, "publication-date"), value(w, "journal-title"));
    }

    private static Node workTitle() {
        return group("work", "title", title(), subtitle(), translatedTitle()).required();
    }

    /** Distinction, education, employment, invited position, membership, qualification, service. */
    public static Node affiliation(String prefix) {
        return item(prefix, prefix, List.of(), affiliationFields());
    }

    public static Node affiliationSummary(String prefix) {
        return item(prefix, prefix + "-summary", List.of(), affiliationFields());
    }

    private static Node[] affiliationFields() {
        return new Node[] { text(COMMON, "department-name").max(4000), text(COMMON, "role-title").max(4000),
                fuzzyDate(COMMON, "start-date"), fuzzyDate(COMMON, "end-date"),
                organization(COMMON, "organization").required(), url(), externalIds() };
    }

    public static Node funding() {
        String f = "funding";
        return item(f, "funding", List.of(), text(f, "type").required().oneOf(Vocabularies.FUNDING_TYPES),
                value(f, "organization-defined-type").max(255), fundingTitle(), text(f, "short-description").max(5000),
                value(f, "amount", "currency-code").max(255), url(), fuzzyDate(COMMON, "start-date"),
                fuzzyDate(COMMON, "end-date"), externalIds(),
                group(f, "contributors",
                        list(group(f, "contributor", contributorOrcid(), value(f, "credit-name").max(150),
                                value(f, "contributor-email").check(Vocabularies::email),
                                group(f, "contributor-attributes", text(f, "contributor-role").max(255))))),
                organization(COMMON, "organization").required());
    }

    public static Node fundingSummary() {
        String f = "funding";
        return item(f, "funding-summary", List.of(), fundingTitle(), externalIds(), url(), text(f, "type"),
                fuzzyDate(COMMON, "start-date"), fuzzyDate(COMMON, "end-date"), organization(COMMON, "organization"));
    }

    private static Node fundingTitle() {
        return group("funding", "title", title(), translatedTitle()).required();
    }

    public static Node peerReview() {
        String p = "peer-review";
        return item(p, "peer-review", List.of(),
                text(p, "reviewer-role").required().oneOf(Vocabularies.PEER_REVIEW_ROLES),
                externalIds(p, "review-identifiers").required(), url(p, "review-url"),
                text(p, "review-type").required().oneOf(Vocabularies.PEER_REVIEW_TYPES),
                fuzzyDate(p, "review-completion-date").required(),
                text(p, "review-group-id").required().max(1000).check(Vocabularies::groupId),
                group(p, "subject-external-identifier", externalIdFields()), value(p, "subject-container-name").max(1000),
                text(p, "subject-type").oneOf(Vocabularies.PEER_REVIEW_SUBJECT_TYPES),
                group(p, "subject-name", title(), subtitle(), translatedTitle()), url(p, "subject-url"),
                organization(p, "convening-organization").required());
    }

    public static Node peerReviewSummary() {
        String p = "peer-review";
        return item(p, "peer-review-summary", List.of(), text(p, "reviewer-role"), externalIds(),
                url(p, "review-url"), text(p, "review-type"), fuzzyDate(p, "completion-date"),
                text(p, "review-group-id"), organization(p, "convening-organization"));
    }

    public static Node researchResource() {
        String r = "research-resource";
        return item(r, "research-resource", List.of(), proposal(),
                group(r, "resource-items",
                        list(group(r, "resource-item", text(r, "resource-name").required().max(1000),
                                text(r, "resource-type").required().oneOf(Vocabularies.RESOURCE_TYPES), hosts(),
                                externalIds().required(), url())))
                    .flat()
                    .required());
    }

    public static Node researchResourceSummary() {
        return item("research-resource", "research-resource-summary", List.of(), proposal());
    }

    private static Node proposal() {
        String r = "research-resource";
        return group(r, "proposal", group(r, "title", title(), translatedTitle()).required(), hosts(),
                externalIds().required(), fuzzyDate(COMMON, "start-date"), fuzzyDate(COMMON, "end-date"), url())
            .required();
    }

    private static Node hosts() {
        return group("research-resource", "hosts", list(organization(COMMON, "organization"))).required();
    }

    public static Node otherName() {
        return item("other-name", "other-name", List.of(), text("other-name", "content").required().max(255));
    }

    public static Node keyword() {
        return item("keyword", "keyword", List.of(), text("keyword", "content").required().max(255));
    }

    public static Node researcherUrl() {
        String r = "researcher-url";
        return item(r, r, List.of(), text(r, "url-name").max(350), url(r, "url").required());
    }

    public static Node address() {
        return item("address", "address", List.of(),
                value("address", "country").required().oneOf(Vocabularies.COUNTRIES));
    }

    public static Node externalIdentifier() {
        return item("external-identifier", "external-identifier", List.of(), externalIdFields());
    }

    public static Node email() {
        return item("email", "email", List.of("verified", "primary"),
                text("email", "email").required().max(350).check(Vocabularies::email));
    }
}
