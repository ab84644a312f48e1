package org.orrery.clients;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ORCID's scope strings and what each one implies (ORCID's {@code ScopePathType}). A scope always implies
 * itself; {@link #expand} follows the implications transitively.
 */
public final class Scopes {

    public static final String READ_PUBLIC = "/read-public";
    public static final String AUTHENTICATE = "/authenticate";
    public static final String OPENID = "openid";
    public static final String READ_LIMITED = "/read-limited";
    public static final String ACTIVITIES_READ_LIMITED = "/activities/read-limited";
    public static final String PERSON_READ_LIMITED = "/person/read-limited";
    public static final String ACTIVITIES_UPDATE = "/activities/update";
    public static final String PERSON_UPDATE = "/person/update";
    public static final String WEBHOOK = "/webhook";
    public static final String EMAIL_READ_PRIVATE = "/email/read-private";
    public static final String ORCID_PROFILE_CREATE = "/orcid-profile/create";
    public static final String ORCID_PROFILE_READ_LIMITED = "/orcid-profile/read-limited";
    public static final String GROUP_ID_READ = "/group-id-record/read";
    public static final String GROUP_ID_UPDATE = "/group-id-record/update";
    public static final String BASIC_NOTIFICATION = "/basic-notification";
    public static final String PREMIUM_NOTIFICATION = "/premium-notification";

    public static final String WORKS_READ_LIMITED = "/orcid-works/read-limited";
    public static final String AFFILIATIONS_READ_LIMITED = "/affiliations/read-limited";
    public static final String FUNDING_READ_LIMITED = "/funding/read-limited";
    public static final String PEER_REVIEW_READ_LIMITED = "/peer-review/read-limited";
    public static final String PATENTS_READ_LIMITED = "/orcid-patents/read-limited";
    public static final String BIO_READ_LIMITED = "/orcid-bio/read-limited";
    public static final String BIO_UPDATE = "/orcid-bio/update";
    public static final String BIO_EXTERNAL_IDS_CREATE = "/orcid-bio/external-identifiers/create";

    /** OpenID Connect scopes that ORCID silently ignores in an authorization request. */
    public static final Set<String> IGNORED_OIDC_SCOPES = Set.of("profile", "email", "address", "phone",
            "offline_access");

    private static final List<String> ACTIVITY_SECTIONS = List.of("/orcid-works", "/affiliations", "/funding",
            "/peer-review", "/orcid-patents");

    private static final Set<String> CLIENT_CREDENTIALS_ONLY = Set.of(READ_PUBLIC, WEBHOOK, PREMIUM_NOTIFICATION,
            GROUP_ID_READ, GROUP_ID_UPDATE, ORCID_PROFILE_CREATE);

    private static final Set<String> INTERNAL = Set.of("/orcid-internal", "/orcid-internal/person/last_modified",
            "/identifier-types/create", "/member-list/read", "/member-list/write", "/member-list/full-access");

    private static final Map<String, List<String>> IMPLIES = buildImplications();

    private Scopes() {
    }

    private static Map<String, List<String>> buildImplications() {
        Map<String, List<String>> implies = new LinkedHashMap<>();
        implies.put(READ_PUBLIC, List.of());
        implies.put(AUTHENTICATE, List.of(READ_PUBLIC));
        implies.put(OPENID, List.of(AUTHENTICATE));
        implies.put(READ_LIMITED, List.of(ACTIVITIES_READ_LIMITED, PERSON_READ_LIMITED));
        implies.put(ACTIVITIES_READ_LIMITED, List.of(WORKS_READ_LIMITED, AFFILIATIONS_READ_LIMITED,
                FUNDING_READ_LIMITED, PEER_REVIEW_READ_LIMITED, PATENTS_READ_LIMITED, READ_PUBLIC));
        implies.put(PERSON_READ_LIMITED, List.of(BIO_READ_LIMITED, READ_PUBLIC));
        implies.put(ORCID_PROFILE_READ_LIMITED, List.of(READ_LIMITED));
        List<String> activityWrites = new java.util.ArrayList<>();
        for (String section : ACTIVITY_SECTIONS) {
            activityWrites.add(section + "/create");
            activityWrites.add(section + "/update");
            implies.put(section + "/create", List.of(READ_PUBLIC));
            implies.put(section + "/update", List.of(READ_PUBLIC));
            implies.put(section + "/read-limited", List.of(READ_PUBLIC));
        }
        activityWrites.add(READ_PUBLIC);
        implies.put(ACTIVITIES_UPDATE, List.copyOf(activityWrites));
        implies.put(PERSON_UPDATE, List.of(BIO_UPDATE, BIO_EXTERNAL_IDS_CREATE, READ_PUBLIC));
        implies.put(BIO_READ_LIMITED, List.of(READ_PUBLIC));
        implies.put(BIO_UPDATE, List.of(READ_PUBLIC));
        implies.put(BIO_EXTERNAL_IDS_CREATE, List.of(READ_PUBLIC));
        implies.put(EMAIL_READ_PRIVATE, List.of(READ_PUBLIC));
        implies.put(WEBHOOK, List.of());
        implies.put(GROUP_ID_READ, List.of());
        implies.put(GROUP_ID_UPDATE, List.of(GROUP_ID_READ));
        implies.put(BASIC_NOTIFICATION, List.of());
        implies.put(PREMIUM_NOTIFICATION, List.of(BASIC_NOTIFICATION));
        implies.put(ORCID_PROFILE_CREATE, List.of(AUTHENTICATE, ACTIVITIES_UPDATE, PERSON_UPDATE,
                ORCID_PROFILE_READ_LIMITED, "/peer-review/create", "/peer-review/update", PEER_REVIEW_READ_LIMITED,
                GROUP_ID_READ, GROUP_ID_UPDATE, OPENID));
        for (String internal : INTERNAL) {
            implies.put(internal, List.of());
        }
        return Map.copyOf(implies);
    }

    /** Reads a stored, space-separated scope string. */
    public static Set<String> split(String scopes) {
        Set<String> result = new LinkedHashSet<>();
        if (scopes != null) {
            for (String scope : scopes.split(" ")) {
                if (!scope.isEmpty()) {
                    result.add(scope);
                }
            }
        }
        return result;
    }

    /** True for every scope string ORCID defines, internal ones included. */
    public static boolean isKnown(String scope) {
        return IMPLIES.containsKey(scope);
    }

    public static boolean isInternal(String scope) {
        return INTERNAL.contains(scope);
    }

    /** Scopes only a two-legged (client credentials) token may carry. */
    public static boolean isClientCredentialsOnly(String scope) {
        return CLIENT_CREDENTIALS_ONLY.contains(scope);
    }

    /** The scopes given plus everything they imply. Unknown strings are kept as they are. */
    public static Set<String> expand(Collection<String> scopes) {
        Set<String> expanded = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(scopes);
        while (!pending.isEmpty()) {
            String scope = pending.pop();
            if (expanded.add(scope)) {
                pending.addAll(IMPLIES.getOrDefault(scope, List.of()));
            }
        }
        return expanded;
    }
}
