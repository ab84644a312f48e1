package org.orrery.record.schema;

import static org.orrery.record.schema.Node.group;
import static org.orrery.record.schema.Node.identifier;
import static org.orrery.record.schema.Node.list;
import static org.orrery.record.schema.Node.text;
import static org.orrery.record.schema.Node.value;

/** Pieces of {@code common-3.0.xsd} that many sections share: identifiers, dates, organizations, titles. */
final class CommonSchemas {

    static final String COMMON = "common";

    private CommonSchemas() {
    }

    /** The children of {@code common:external-id}, in schema order. */
    static Node[] externalIdFields() {
        return new Node[] { text(COMMON, "external-id-type").required().max(255),
                text(COMMON, "external-id-value").required().max(2084),
                value(COMMON, "external-id-url").max(2084).check(Vocabularies::url),
                text(COMMON, "external-id-relationship").oneOf(Vocabularies.RELATIONSHIPS) };
    }

    static Node externalIds(String prefix, String name) {
        return group(prefix, name, list(group(COMMON, "external-id", externalIdFields())));
    }

    static Node externalIds() {
        return externalIds(COMMON, "external-ids");
    }

    static Node fuzzyDate(String prefix, String name) {
        return group(prefix, name, value(COMMON, "year").required().check(Vocabularies::year),
                value(COMMON, "month").check(Vocabularies::month), value(COMMON, "day").check(Vocabularies::day));
    }

    static Node organization(String prefix, String name) {
        return group(prefix, name, text(COMMON, "name").required().max(4000),
                group(COMMON, "address", text(COMMON, "city").required().max(4000),
                        text(COMMON, "region").max(4000),
                        text(COMMON, "country").required().oneOf(Vocabularies.COUNTRIES))
                    .required(),
                group(COMMON, "disambiguated-organization",
                        text(COMMON, "disambiguated-organization-identifier").required().max(500),
                        text(COMMON, "disambiguation-source").required().max(500)));
    }

    static Node url() {
        return url(COMMON, "url");
    }

    static Node url(String prefix, String name) {
        return value(prefix, name).max(2084).check(Vocabularies::url);
    }

    static Node title() {
        return value(COMMON, "title").required().max(1000);
    }

    static Node subtitle() {
        return value(COMMON, "subtitle").max(1000);
    }

    static Node translatedTitle() {
        return value(COMMON, "translated-title", "language-code").max(1000);
    }

    static Node contributorOrcid() {
        return identifier(COMMON, "contributor-orcid");
    }

    static Node languageCode() {
        return text(COMMON, "language-code").check(Vocabularies::language);
    }

    static Node country() {
        return value(COMMON, "country").oneOf(Vocabularies.COUNTRIES);
    }
}
