package org.orrery.oauth;

import java.util.Map;

import org.orrery.clients.Scopes;

/** The plain-language line shown on the consent screen for each scope (ORCID's {@code messages_en} texts). */
final class ScopeDescriptions {

    private static final Map<String, String> LINES = Map.ofEntries(
            Map.entry(Scopes.AUTHENTICATE, "Get your ORCID iD"),
            Map.entry(Scopes.OPENID, "Get your ORCID iD"),
            Map.entry(Scopes.READ_PUBLIC, "Read your public information"),
            Map.entry(Scopes.READ_LIMITED, "Read your information with visibility set to Trusted Parties"),
            Map.entry(Scopes.ORCID_PROFILE_READ_LIMITED, "Read your information with visibility set to Trusted Parties"),
            Map.entry(Scopes.ACTIVITIES_READ_LIMITED, "Read your research activities with visibility set to Trusted Parties"),
            Map.entry(Scopes.PERSON_READ_LIMITED, "Read your biographical information with visibility set to Trusted Parties"),
            Map.entry(Scopes.ACTIVITIES_UPDATE, "Add/update your research activities (works, affiliations, etc)"),
            Map.entry(Scopes.PERSON_UPDATE, "Add/update other information about you (country, keywords, etc.)"),
            Map.entry(Scopes.EMAIL_READ_PRIVATE, "Read your email addresses, including private ones"),
            Map.entry("/orcid-works/create", "Add works to your record"),
            Map.entry("/orcid-works/update", "Update works on your record"),
            Map.entry(Scopes.WORKS_READ_LIMITED, "Read your works with visibility set to Trusted Parties"),
            Map.entry("/affiliations/create", "Add affiliations to your record"),
            Map.entry("/affiliations/update", "Update affiliations on your record"),
            Map.entry(Scopes.AFFILIATIONS_READ_LIMITED, "Read your affiliations with visibility set to Trusted Parties"),
            Map.entry("/funding/create", "Add funding information to your record"),
            Map.entry("/funding/update", "Update funding information on your record"),
            Map.entry(Scopes.FUNDING_READ_LIMITED, "Read your funding information with visibility set to Trusted Parties"),
            Map.entry("/peer-review/create", "Add peer reviews to your record"),
            Map.entry("/peer-review/update", "Update peer reviews on your record"),
            Map.entry(Scopes.PEER_REVIEW_READ_LIMITED, "Read your peer reviews with visibility set to Trusted Parties"),
            Map.entry(Scopes.BIO_READ_LIMITED, "Read your biographical information with visibility set to Trusted Parties"),
            Map.entry(Scopes.BIO_UPDATE, "Update your biographical information"),
            Map.entry(Scopes.BIO_EXTERNAL_IDS_CREATE, "Add external identifiers to your record"));

    private ScopeDescriptions() {
    }

    static String describe(String scope) {
        return LINES.getOrDefault(scope, scope);
    }
}
