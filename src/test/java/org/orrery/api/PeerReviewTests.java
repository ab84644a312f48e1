package org.orrery.api;

/** The peer review section: visibility, scopes, writes and XSD-valid XML (nested groups). */
class PeerReviewTests extends SectionContract {

    @Override
    String itemPath() {
        return "peer-review";
    }

    @Override
    String listPath() {
        return "peer-reviews";
    }

    @Override
    String label() {
        return "peer review";
    }

    @Override
    String body(int n) {
        return "{\"reviewer-role\":\"reviewer\",\"review-identifiers\":{\"external-id\":[{\"external-id-type\":\"source-work-id\",\"external-id-value\":\"R-" + n + "\",\"external-id-relationship\":\"self\"}]},\"review-url\":\"https://example.org/r/" + n + "\",\"review-type\":\"review\",\"review-completion-date\":{\"year\":{\"value\":\"2020\"},\"month\":{\"value\":\"05\"}},\"review-group-id\":\"issn:1741-4857\",\"subject-external-identifier\":{\"external-id-type\":\"doi\",\"external-id-value\":\"10.1/" + n + "\",\"external-id-relationship\":\"self\"},\"subject-container-name\":\"Journal " + n + "\",\"subject-type\":\"journal-article\",\"subject-name\":{\"title\":{\"value\":\"Paper " + n + "\"}},\"convening-organization\":{\"name\":\"Org " + n + "\",\"address\":{\"city\":\"Paris\",\"country\":\"FR\"},\"disambiguated-organization\":{\"disambiguated-organization-identifier\":\"https://ror.org/05a0dhs15\",\"disambiguation-source\":\"ROR\"}}}";
    }

    @Override
    String writeScope() {
        return "/activities/update";
    }

    @Override
    String readLimitedScope() {
        return "/peer-review/read-limited";
    }

    @Override
    String firstWriteScope() {
        return "/peer-review/create";
    }
}
