package org.orrery.api;

/** The employment section (an affiliation): visibility, scopes, writes and XSD-valid XML. */
class EmploymentTests extends SectionContract {

    @Override
    String itemPath() {
        return "employment";
    }

    @Override
    String listPath() {
        return "employments";
    }

    @Override
    String label() {
        return "employment";
    }

    @Override
    String body(int n) {
        return "{\"department-name\":\"Dept " + n + "\",\"role-title\":\"Role " + n + "\",\"start-date\":{\"year\":{\"value\":\"2010\"},\"month\":{\"value\":\"01\"}},\"organization\":{\"name\":\"Org " + n + "\",\"address\":{\"city\":\"Paris\",\"country\":\"FR\"},\"disambiguated-organization\":{\"disambiguated-organization-identifier\":\"https://ror.org/05a0dhs15\",\"disambiguation-source\":\"ROR\"}},\"url\":{\"value\":\"https://example.org/a/" + n + "\"},\"external-ids\":{\"external-id\":[{\"external-id-type\":\"grant_number\",\"external-id-value\":\"A-" + n + "\",\"external-id-relationship\":\"self\"}]}}";
    }

    @Override
    String writeScope() {
        return "/activities/update";
    }

    @Override
    String readLimitedScope() {
        return "/affiliations/read-limited";
    }

    @Override
    String firstWriteScope() {
        return "/affiliations/create";
    }
}
