package org.orrery.api;

/** The other name section of the person: visibility, scopes, writes and XSD-valid XML. */
class OtherNameTests extends SectionContract {

    @Override
    String itemPath() {
        return "other-names";
    }

    @Override
    String listPath() {
        return "other-names";
    }

    @Override
    String label() {
        return "other name";
    }

    @Override
    String body(int n) {
        return "{\"content\":\"Another name " + n + "\"}";
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
