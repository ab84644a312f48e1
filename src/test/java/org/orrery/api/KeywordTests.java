package org.orrery.api;

/** The keyword section of the person: visibility, scopes, writes and XSD-valid XML. */
class KeywordTests extends SectionContract {

    @Override
    String itemPath() {
        return "keywords";
    }

    @Override
    String listPath() {
        return "keywords";
    }

    @Override
    String label() {
        return "keyword";
    }

    @Override
    String body(int n) {
        return "{\"content\":\"keyword " + n + "\"}";
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
