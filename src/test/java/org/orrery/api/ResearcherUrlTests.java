package org.orrery.api;

/** The researcher url section of the person: visibility, scopes, writes and XSD-valid XML. */
class ResearcherUrlTests extends SectionContract {

    @Override
    String itemPath() {
        return "researcher-urls";
    }

    @Override
    String listPath() {
        return "researcher-urls";
    }

    @Override
    String label() {
        return "researcher url";
    }

    @Override
    String body(int n) {
        return "{\"url-name\":\"Site " + n + "\",\"url\":{\"value\":\"https://example.org/" + n + "\"}}";
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
