package org.orrery.api;

/** The address section of the person: visibility, scopes, writes and XSD-valid XML. */
class AddressTests extends SectionContract {

    @Override
    String itemPath() {
        return "address";
    }

    @Override
    String listPath() {
        return "address";
    }

    @Override
    String label() {
        return "address";
    }

    @Override
    String body(int n) {
        return "{\"country\":{\"value\":\"NL\"}}";
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
