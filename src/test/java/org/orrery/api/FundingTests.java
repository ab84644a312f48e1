package org.orrery.api;

/** The funding section: visibility, scopes, writes and XSD-valid XML. */
class FundingTests extends SectionContract {

    @Override
    String itemPath() {
        return "funding";
    }

    @Override
    String listPath() {
        return "fundings";
    }

    @Override
    String label() {
        return "funding";
    }

    @Override
    String body(int n) {
        return "{\"type\":\"grant\",\"title\":{\"title\":{\"value\":\"Grant " + n + "\"},\"translated-title\":{\"value\":\"Subvention " + n + "\",\"language-code\":\"fr\"}},\"short-description\":\"About " + n + "\",\"amount\":{\"value\":\"1000\",\"currency-code\":\"EUR\"},\"start-date\":{\"year\":{\"value\":\"2020\"}},\"external-ids\":{\"external-id\":[{\"external-id-type\":\"grant_number\",\"external-id-value\":\"F-" + n + "\",\"external-id-relationship\":\"self\"}]},\"contributors\":{\"contributor\":[{\"credit-name\":{\"value\":\"Lead " + n + "\"},\"contributor-attributes\":{\"contributor-role\":\"lead\"}}]},\"organization\":{\"name\":\"Org " + n + "\",\"address\":{\"city\":\"Paris\",\"country\":\"FR\"},\"disambiguated-organization\":{\"disambiguated-organization-identifier\":\"https://ror.org/05a0dhs15\",\"disambiguation-source\":\"ROR\"}}}";
    }

    @Override
    String writeScope() {
        return "/activities/update";
    }

    @Override
    String readLimitedScope() {
        return "/funding/read-limited";
    }

    @Override
    String firstWriteScope() {
        return "/funding/create";
    }
}
