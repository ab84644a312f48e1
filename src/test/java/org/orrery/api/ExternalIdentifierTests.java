package org.orrery.api;

/** The external identifier section of the person: visibility, scopes, writes and XSD-valid XML. */
class ExternalIdentifierTests extends SectionContract {

    @Override
    String itemPath() {
        return "external-identifiers";
    }

    @Override
    String listPath() {
        return "external-identifiers";
    }

    @Override
    String label() {
        return "external identifier";
    }

    @Override
    String body(int n) {
        return "{\"external-id-type\":\"Scopus Author ID\",\"external-id-value\":\"S-" + n + "\",\"external-id-url\":{\"value\":\"https://example.org/s/" + n + "\"},\"external-id-relationship\":\"self\"}";
    }

    @Override
    String writeScope() {
        return "/person/update";
    }

    @Override
    String readLimitedScope() {
        return "/orcid-bio/read-limited";
    }

    @Override
    String firstWriteScope() {
        return "/orcid-bio/update";
    }

    @Override
    boolean hasSummary() {
        return false;
    }
}
