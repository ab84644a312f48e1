package org.orrery.api;

/** The research resource section: visibility, scopes, writes and XSD-valid XML. */
class ResearchResourceTests extends SectionContract {

    @Override
    String itemPath() {
        return "research-resource";
    }

    @Override
    String listPath() {
        return "research-resources";
    }

    @Override
    String label() {
        return "research resource";
    }

    @Override
    String body(int n) {
        return "{\"proposal\":{\"title\":{\"title\":{\"value\":\"Proposal " + n + "\"}},\"hosts\":{\"organization\":[{\"name\":\"Org " + n + "\",\"address\":{\"city\":\"Paris\",\"country\":\"FR\"},\"disambiguated-organization\":{\"disambiguated-organization-identifier\":\"https://ror.org/05a0dhs15\",\"disambiguation-source\":\"ROR\"}}]},\"external-ids\":{\"external-id\":[{\"external-id-type\":\"proposal-id\",\"external-id-value\":\"P-" + n + "\",\"external-id-relationship\":\"self\"}]},\"start-date\":{\"year\":{\"value\":\"2019\"}}},\"resource-item\":[{\"resource-name\":\"Laser " + n + "\",\"resource-type\":\"equipment\",\"hosts\":{\"organization\":[{\"name\":\"Org " + n + "\",\"address\":{\"city\":\"Paris\",\"country\":\"FR\"},\"disambiguated-organization\":{\"disambiguated-organization-identifier\":\"https://ror.org/05a0dhs15\",\"disambiguation-source\":\"ROR\"}}]},\"external-ids\":{\"external-id\":[{\"external-id-type\":\"rrid\",\"external-id-value\":\"RRID:" + n + "\",\"external-id-relationship\":\"self\"}]}}]}";
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
        return "/activities/update";
    }
}
