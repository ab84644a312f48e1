package org.orrery.clients;

import java.util.Locale;

/** How a requested redirect URI is compared with a client's registered ones. */
public enum RedirectUriMatching {

    /** Byte-for-byte equality (loopback ports excepted): the default, per RFC 9700. */
    EXACT,

    /** ORCID's legacy rule: same scheme, user-info, host and port, and the path starts with the registered path. */
    ORCID_PREFIX;

    public static RedirectUriMatching fromSeedName(String name) {
        if (name == null || name.isBlank()) {
            return EXACT;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "exact" -> EXACT;
            case "orcid-prefix" -> ORCID_PREFIX;
            default -> throw new IllegalArgumentException(
                    "unknown redirect-uri-matching '" + name + "' (exact or orcid-prefix)");
        };
    }
}
