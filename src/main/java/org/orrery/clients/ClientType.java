package org.orrery.clients;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of API client and the scopes each may ask for (ORCID's {@code ClientType}).
 */
public enum ClientType {

    /** A researcher's own client from the developer tools page. */
    PUBLIC("public-client", Set.of(Scopes.AUTHENTICATE, Scopes.READ_PUBLIC, Scopes.OPENID)),

    /** A basic member's client, ORCID's "updater". */
    MEMBER("updater", memberScopes()),

    /** A premium member's client, ORCID's "premium-updater": the member scopes and {@code /webhook}. */
    PREMIUM_MEMBER("premium-updater", premiumScopes());

    private final String orcidName;

    private final Set<String> allowedScopes;

    ClientType(String orcidName, Set<String> allowedScopes) {
        this.orcidName = orcidName;
        this.allowedScopes = Set.copyOf(allowedScopes);
    }

    private static Set<String> memberScopes() {
        Set<String> scopes = new LinkedHashSet<>();
        for (String section : new String[] { "/affiliations", "/funding", "/orcid-works", "/peer-review" }) {
            scopes.add(section + "/create");
            scopes.add(section + "/update");
            scopes.add(section + "/read-limited");
        }
        scopes.addAll(Set.of(Scopes.BIO_READ_LIMITED, Scopes.BIO_UPDATE, Scopes.BIO_EXTERNAL_IDS_CREATE,
                Scopes.ORCID_PROFILE_READ_LIMITED, Scopes.READ_LIMITED, Scopes.ACTIVITIES_READ_LIMITED,
                Scopes.PERSON_READ_LIMITED, Scopes.ACTIVITIES_UPDATE, Scopes.PERSON_UPDATE, Scopes.AUTHENTICATE,
                Scopes.READ_PUBLIC, Scopes.GROUP_ID_READ, Scopes.GROUP_ID_UPDATE, Scopes.OPENID));
        return scopes;
    }

    private static Set<String> premiumScopes() {
        Set<String> scopes = new LinkedHashSet<>(memberScopes());
        scopes.add(Scopes.WEBHOOK);
        return scopes;
    }

    /** The scopes a client of this type may request. */
    public Set<String> allowedScopes() {
        return this.allowedScopes;
    }

    /** ORCID's name for the type, e.g. {@code public-client}. */
    public String orcidName() {
        return this.orcidName;
    }

    /** Reads the seed-file spelling: {@code public} or {@code member}. */
    public static ClientType fromSeedName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("missing client type");
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "public", "public-client" -> PUBLIC;
            case "member", "updater" -> MEMBER;
            case "premium-member", "premium-updater" -> PREMIUM_MEMBER;
            default -> throw new IllegalArgumentException(
                    "unknown client type '" + name + "' (public, member or premium-member)");
        };
    }
}
