package org.orrery.oauth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orrery.clients.Scopes;

/**
 * How a scope is shown to a researcher (consent screen, trusted organizations): the message key of ORCID's
 * wording in the {@code oauth} bundle and the kind of icon beside it.
 */
final class ScopeDescriptions {

    /** One line: the message key, the icon ({@code id}, {@code read}, {@code update}, {@code email}), and the raw
     * scope for a scope Orrery has no wording for (then the key is {@code scope.other}). */
    record ScopeLine(String key, String icon, String scope) {
    }

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry(Scopes.AUTHENTICATE, "scope.authenticate"),
            Map.entry(Scopes.OPENID, "scope.authenticate"),
            Map.entry(Scopes.READ_PUBLIC, "scope.readPublic"),
            Map.entry(Scopes.READ_LIMITED, "scope.readLimited"),
            Map.entry(Scopes.ORCID_PROFILE_READ_LIMITED, "scope.readLimited"),
            Map.entry(Scopes.ACTIVITIES_READ_LIMITED, "scope.activitiesReadLimited"),
            Map.entry(Scopes.PERSON_READ_LIMITED, "scope.personReadLimited"),
            Map.entry(Scopes.ACTIVITIES_UPDATE, "scope.activitiesUpdate"),
            Map.entry(Scopes.PERSON_UPDATE, "scope.personUpdate"),
            Map.entry(Scopes.EMAIL_READ_PRIVATE, "scope.emailReadPrivate"),
            Map.entry("/orcid-works/create", "scope.worksCreate"),
            Map.entry("/orcid-works/update", "scope.worksUpdate"),
            Map.entry(Scopes.WORKS_READ_LIMITED, "scope.worksReadLimited"),
            Map.entry("/affiliations/create", "scope.affiliationsCreate"),
            Map.entry("/affiliations/update", "scope.affiliationsUpdate"),
            Map.entry(Scopes.AFFILIATIONS_READ_LIMITED, "scope.affiliationsReadLimited"),
            Map.entry("/funding/create", "scope.fundingCreate"),
            Map.entry("/funding/update", "scope.fundingUpdate"),
            Map.entry(Scopes.FUNDING_READ_LIMITED, "scope.fundingReadLimited"),
            Map.entry("/peer-review/create", "scope.peerReviewCreate"),
            Map.entry("/peer-review/update", "scope.peerReviewUpdate"),
            Map.entry(Scopes.PEER_REVIEW_READ_LIMITED, "scope.peerReviewReadLimited"),
            Map.entry(Scopes.BIO_READ_LIMITED, "scope.personReadLimited"),
            Map.entry(Scopes.BIO_UPDATE, "scope.bioUpdate"),
            Map.entry(Scopes.BIO_EXTERNAL_IDS_CREATE, "scope.externalIdsCreate"));

    private ScopeDescriptions() {
    }

    /** One line per requested scope, in the order asked, without repeating a line. */
    static List<ScopeLine> lines(Set<String> scopes) {
        Set<ScopeLine> lines = new LinkedHashSet<>();
        for (String scope : scopes) {
            lines.add(line(scope));
        }
        return new ArrayList<>(lines);
    }

    static ScopeLine line(String scope) {
        String key = KEYS.get(scope);
        if (key == null) {
            return new ScopeLine("scope.other", "read", scope);
        }
        String icon = key.equals("scope.authenticate") ? "id" : key.equals("scope.emailReadPrivate") ? "email"
                : key.contains("ReadLimited") || key.equals("scope.readLimited") || key.equals("scope.readPublic")
                        ? "read" : "update";
        return new ScopeLine(key, icon, null);
    }
}
